// A static server for the end-to-end tests, on 127.0.0.1 only. It serves the release build
// for the site root at `/` (dist/) and the build for a sub-path at `/limber/` (dist-limber/),
// and answers unknown paths the way GitHub Pages does: with the folder's 404.html, and
// compresses with gzip when the browser accepts it, as GitHub Pages does (the bench's mobile
// link then carries what a phone would download).
//
// A test may serve its own copy of a build instead (support/site.ts), to publish a new version
// while a page is open or to take the site away: requests carrying the cookie
// `limber-e2e-site=<folder>` are served from that folder, which must be a `limber-e2e-*`
// folder in the OS temp dir; if it is gone, every request gets a plain 404. Cookies belong to
// one browser context, so tests running in parallel never see each other's copies.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const port = Number(process.env.LIMBER_E2E_PORT ?? 4173);
const mounts = [
  { prefix: '/limber/', dir: join(root, process.env.LIMBER_SUBPATH_DIST ?? 'dist-limber') },
  { prefix: '/', dir: join(root, process.env.LIMBER_ROOT_DIST ?? 'dist') },
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const SITE_COOKIE = 'limber-e2e-site';
const sitesPrefix = join(tmpdir(), 'limber-e2e-');

/** The test's own copy of the build named by the request's site cookie, if any. */
function siteOf(request) {
  const cookie = (request.headers.cookie ?? '')
    .split(/;\s*/)
    .find((pair) => pair.startsWith(`${SITE_COOKIE}=`));
  if (!cookie) return null;
  const dir = resolve(decodeURIComponent(cookie.slice(SITE_COOKIE.length + 1)));
  return dir.startsWith(sitesPrefix) ? dir : null;
}

async function fileAt(dir, relative) {
  const path = normalize(join(dir, relative));
  if (!path.startsWith(dir)) return null;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileAt(dir, join(relative, 'index.html'));
    return path;
  } catch {
    return null;
  }
}

/** Gzip bodies by file, modification time and size, so each file is compressed once. */
const gzipped = new Map();

async function gzipOf(file, body) {
  const { mtimeMs, size } = await stat(file);
  const key = `${file}:${mtimeMs}:${size}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
  return gzipped.get(key);
}

createServer(async (request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const path = decodeURIComponent(url.pathname);
  if (path === '/limber') {
    response.writeHead(301, { Location: '/limber/' }).end();
    return;
  }
  const mount = mounts.find(({ prefix }) => path.startsWith(prefix));
  const relative = path.slice(mount.prefix.length);
  const dir = siteOf(request) ?? mount.dir;
  let file = await fileAt(dir, relative);
  let status = 200;
  if (!file) {
    file = await fileAt(dir, '404.html');
    status = 404;
  }
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  const body = await readFile(file);
  const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  response
    .writeHead(status, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    })
    .end(gzip ? await gzipOf(file, body) : body);
}).listen(port, '127.0.0.1', () => {
  console.log(`Limber test server on http://127.0.0.1:${port}/ and /limber/`);
});
