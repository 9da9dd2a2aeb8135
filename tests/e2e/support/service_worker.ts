// What the service worker is doing, read from the page: who controls it, which caches exist,
// what they hold, and which build is running.
import { expect, type Page } from '@playwright/test';

/** Waits until a service worker controls the page; returns its script URL and scope. */
export async function waitForControl(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
    return { script: navigator.serviceWorker.controller!.scriptURL, scope: registration.scope };
  });
}

/** Every Cache Storage name of the origin, sorted. */
export async function cacheNames(page: Page) {
  return page.evaluate(async () => (await caches.keys()).sort());
}

/** The URLs one cache holds, sorted. */
export async function cachedUrls(page: Page, name: string) {
  return page.evaluate(async (cacheName) => {
    const cache = await caches.open(cacheName);
    return (await cache.keys()).map((request) => request.url).sort();
  }, name);
}

/** The build hash of the running page (stamped into index.html at build time). */
export async function runningBuild(page: Page) {
  return page.locator('meta[name="limber-build"]').getAttribute('content');
}

/** The cache name the service worker uses for a build at a base URL. */
export function cacheNameFor(build: string, baseURL: string) {
  return `limber-${build}@${new URL(baseURL).pathname}`;
}

/**
 * Asks the browser to look for a new service worker now, and waits until one is installed and
 * waiting. The page sees the state `installed` in the same task that tells the app (the
 * worker's `statechange` event), so once this returns the app has heard of the update.
 */
export async function findWaitingUpdate(page: Page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration!.update();
  });
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state))
    .toBe('installed');
}
