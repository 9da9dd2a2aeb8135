// Limber's service worker: the whole app offline, and updates only when the user says so.
//
// The post-build hook (`cargo xtask post-build`, xtask/src/post_build.rs) stamps the two
// placeholders below into the built copy: the build hash and the list of every file of the
// build. Never fill them in by hand.
//
// - install: precaches every file of the build, all or nothing, in a cache named
//   `limber-<build hash>@<scope path>`. GitHub Pages project sites share one origin, so the
//   scope in the name keeps two deployments (say /limber/ and /limber-test/) apart.
// - activate: deletes only this deployment's older caches, then takes control of open pages.
// - fetch: precached files cache-first; navigations get the cached index.html (the app
//   routes in the page), so the version in use changes only when a new worker takes over.
// - message "limber:skip-waiting": a waiting new version takes over (the page asks for this
//   when the user presses Reload, never during a routine).

const BUILD = 'LIMBER_BUILD_HASH';
const FILES = [/* LIMBER_PRECACHE_FILES */];

const SKIP_WAITING = 'limber:skip-waiting';
const CACHE_PREFIX = 'limber-';
const CACHE_SUFFIX = `@${new URL(self.registration.scope).pathname}`;
const CACHE = `${CACHE_PREFIX}${BUILD}${CACHE_SUFFIX}`;
const INDEX_URL = new URL('index.html', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

/** Caches every file of the build; if any fails, keeps nothing so the install fails cleanly. */
async function precache() {
  const cache = await caches.open(CACHE);
  // 'no-cache' revalidates with the server: a host's HTTP cache (GitHub Pages: 10 minutes)
  // must never put the previous version's index.html into the new version's cache.
  const requests = FILES.map((file) => new Request(new URL(file, self.location), { cache: 'no-cache' }));
  try {
    await cache.addAll(requests);
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter(isOlderCacheOfThisApp).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

/** True for `limber-<hex>@<this scope>` other than the current cache; other apps' are kept. */
function isOlderCacheOfThisApp(name) {
  if (name === CACHE || !name.startsWith(CACHE_PREFIX) || !name.endsWith(CACHE_SUFFIX)) return false;
  return /^[0-9a-f]+$/.test(name.slice(CACHE_PREFIX.length, name.length - CACHE_SUFFIX.length));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});

/** Cache first; a navigation that is not a precached file gets the app's index.html. */
async function respond(request) {
  const cache = await caches.open(CACHE);
  const cached =
    (await cache.match(request)) ?? (request.mode === 'navigate' ? await cache.match(INDEX_URL) : undefined);
  return cached ?? fetch(request);
}

self.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) self.skipWaiting();
});
