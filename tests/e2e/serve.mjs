// A static server for the end-to-end tests, on 127.0.0.1 only. It serves the release build
// for the site root at `/` (dist/) and the build for a sub-path at `/limber/` (dist-limber/),
// and answers unknown paths the way GitHub Pages does: with the folder's 404.html.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
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

createServer(async (request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const path = decodeURIComponent(url.pathname);
  if (path === '/limber') {
    response.writeHead(301, { Location: '/limber/' }).end();
    return;
  }
  const mount = mounts.find(({ prefix }) => path.startsWith(prefix));
  const relative = path.slice(mount.prefix.length);
  let file = await fileAt(mount.dir, relative);
  let status = 200;
  if (!file) {
    file = await fileAt(mount.dir, '404.html');
    status = 404;
  }
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  const body = await readFile(file);
  response
    .writeHead(status, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    })
    .end(body);
}).listen(port, '127.0.0.1', () => {
  console.log(`Limber test server on http://127.0.0.1:${port}/ and /limber/`);
});
