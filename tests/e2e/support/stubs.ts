// Browser stubs installed before the app loads. They record every call into
// `window.__limberCalls` so tests can check what the app asked the device to do:
// screen wake lock (Playwright cannot grant one), and later sound, speech and vibration.
import type { Page } from '@playwright/test';

export interface RecordedCalls {
  wakeLock: { action: 'request' | 'release'; at: number }[];
}

/** Installs the stubs; call before `page.goto`. */
export async function installDeviceStubs(page: Page) {
  await page.addInitScript(() => {
    const calls = { wakeLock: [] as { action: string; at: number }[] };
    (window as unknown as { __limberCalls: typeof calls }).__limberCalls = calls;
    const wakeLock = {
      request: async (type: string) => {
        calls.wakeLock.push({ action: 'request', at: performance.now() });
        const sentinel = {
          type,
          released: false,
          release: async () => {
            if (!sentinel.released) calls.wakeLock.push({ action: 'release', at: performance.now() });
            sentinel.released = true;
          },
          addEventListener() {},
          removeEventListener() {},
        };
        return sentinel;
      },
    };
    Object.defineProperty(navigator, 'wakeLock', { value: wakeLock, configurable: true });
  });
}

/** What the stubs recorded so far. */
export async function recordedCalls(page: Page): Promise<RecordedCalls> {
  return page.evaluate(() => (window as unknown as { __limberCalls: RecordedCalls }).__limberCalls);
}

/** Pretends the page went to the background (or came back), as when the phone locks. */
export async function setPageVisibility(page: Page, state: 'hidden' | 'visible') {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { value, configurable: true });
    Object.defineProperty(document, 'hidden', { value: value === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}
