// A private copy of the release build for one test, served only to that test's browser context
// (serve.mjs's site cookie). The test can publish "a new version" into it, or take it off the
// server to be sure the app then runs from the service worker's cache alone.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from '@playwright/test';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** The build folder the server uses for this base URL (`/` or `/limber/`). */
export function distFor(baseURL: string) {
  return join(repoRoot, new URL(baseURL).pathname === '/limber/' ? 'dist-limber' : 'dist');
}

/** The build hash the post-build hook stamped into a built `sw.js`. */
export function buildHashOf(serviceWorker: string) {
  const match = serviceWorker.match(/const BUILD = '([0-9a-f]+)';/);
  if (!match) throw new Error('sw.js has no stamped build hash');
  return match[1];
}

/** Files that carry the build hash. */
const STAMPED = ['sw.js', 'index.html', '404.html'];

export class TestSite {
  private constructor(
    private readonly root: string,
    readonly dir: string,
    /** The build hash of the version being served. */
    public buildHash: string,
  ) {}

  /** Copies the build for `baseURL` and serves the copy to `context` from now on. */
  static async open(context: BrowserContext, baseURL: string) {
    const root = await mkdtemp(join(tmpdir(), 'limber-e2e-'));
    const dir = join(root, 'site');
    await cp(distFor(baseURL), dir, { recursive: true });
    const hash = buildHashOf(await readFile(join(dir, 'sw.js'), 'utf8'));
    await context.addCookies([
      { name: 'limber-e2e-site', value: encodeURIComponent(dir), url: new URL(baseURL).origin },
    ]);
    return new TestSite(root, dir, hash);
  }

  /** Publishes a changed version: the same app under a new build hash. Returns the hash. */
  async publishNewVersion() {
    const next = randomBytes(8).toString('hex');
    for (const file of STAMPED) {
      const path = join(this.dir, file);
      const text = await readFile(path, 'utf8');
      if (!text.includes(this.buildHash)) throw new Error(`${file} does not carry the build hash`);
      await writeFile(path, text.replaceAll(this.buildHash, next));
    }
    this.buildHash = next;
    return next;
  }

  /** Takes the site off the server: every request of this context now gets a 404. */
  async takeDown() {
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Deletes the copy. */
  async dispose() {
    await rm(this.root, { recursive: true, force: true });
  }
}
