// The bench's in-page probe, installed before the app loads. It times everything inside the
// page with performance.now() (0 = navigation start), so no protocol latency enters a figure,
// and it never polls, so it takes no time from the app while it measures:
// - `rendered`: the Today heading and the 0–10 scale are in the document;
// - `firstRead`: the app's first read of the stored document (where start-up storage work begins);
// - `interactive` (mode 'interact'): a tap on the scale, made as soon as it exists, shows "Saved";
// - every write of the stored document (time and length), every Web Audio note started
//   (`OscillatorNode.start(when)` on the real AudioContext, with the audio clock at the call),
//   and the wasm exports Trunk hands over in its `TrunkApplicationStarted` event.
import type { BrowserContext, Page } from '@playwright/test';

/** The stored document's localStorage key. */
export const DOCUMENT_KEY = 'limber:document';
/** The event the probe dispatches on `window` after each write of the stored document. */
const WRITE_EVENT = 'limber-bench:write';

type Mark = 'rendered' | 'interactive';

interface Probe {
  marks: Partial<Record<Mark, number>>;
  /** Resolves once the mark is set. */
  reached: (mark: Mark) => Promise<void>;
  /** Taps the probe needed before the app answered (1 unless its handler was not ready). */
  clicks: number;
  /** True if a service worker controlled this page when it loaded. */
  controlled: boolean;
  /** When the app first read the stored document (performance.now()). */
  firstRead?: number;
  writes: { at: number; length: number }[];
  notes: { when: number; now: number; frequency: number; type: string }[];
  wasm?: { memory?: WebAssembly.Memory };
}

type BenchWindow = typeof globalThis & { __bench: Probe };

/** Installs the probe in every page of `target`; with 'interact', it also taps the scale. */
export async function installProbe(target: BrowserContext | Page, mode: 'interact' | 'watch') {
  await target.addInitScript(
    ({ interact, key, writeEvent }) => {
      const waiting: [Mark, () => void][] = [];
      const probe: Probe = {
        marks: {},
        reached: (mark) =>
          new Promise((resolve) => {
            if (probe.marks[mark] === undefined) waiting.push([mark, resolve]);
            else resolve();
          }),
        clicks: 0,
        controlled: !!navigator.serviceWorker?.controller,
        writes: [],
        notes: [],
      };
      const mark = (name: Mark) => {
        probe.marks[name] = performance.now();
        waiting.filter(([which]) => which === name).forEach(([, resolve]) => resolve());
      };
      (window as BenchWindow).__bench = probe;
      addEventListener('TrunkApplicationStarted', (event) => {
        probe.wasm = (event as CustomEvent).detail?.wasm;
      });

      const getItem = Storage.prototype.getItem;
      Storage.prototype.getItem = function (name: string) {
        if (name === key && probe.firstRead === undefined) probe.firstRead = performance.now();
        return getItem.call(this, name);
      };

      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (name: string, value: string) {
        setItem.call(this, name, value);
        if (name !== key) return;
        probe.writes.push({ at: performance.now(), length: String(value).length });
        dispatchEvent(new Event(writeEvent));
      };

      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (this: OscillatorNode, when = 0) {
        probe.notes.push({ when, now: this.context.currentTime, frequency: this.frequency.value, type: this.type });
        return start.call(this, when);
      };

      const saved = () => document.querySelector('.quick-log [role="status"]')?.textContent?.includes('Saved') ?? false;
      const tap = () => {
        const button = document.querySelector<HTMLButtonElement>('.quick-log .pain-button[data-rating="3"]');
        if (!button || saved()) return;
        probe.clicks += 1;
        button.click();
        // Not answered by the next frame (the app's handler not attached yet): tap again.
        requestAnimationFrame(tap);
      };
      const observer = new MutationObserver(() => {
        if (probe.marks.rendered === undefined) {
          const heading = [...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === 'Today');
          if (!heading || !document.querySelector('.quick-log .pain-button')) return;
          mark('rendered');
          if (!interact) {
            observer.disconnect();
            return;
          }
          tap();
        }
        if (saved()) {
          mark('interactive');
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    },
    { interact: mode === 'interact', key: DOCUMENT_KEY, writeEvent: WRITE_EVENT },
  );
}

/** Waits until the page reaches the mark; returns what the probe recorded. */
export async function waitForMark(page: Page, mark: Mark) {
  await page.evaluate((name) => (window as BenchWindow).__bench.reached(name), mark);
  return probe(page);
}

/** What the probe recorded so far (without the wasm exports, which do not clone). */
export async function probe(page: Page) {
  return page.evaluate(() => {
    const { marks, clicks, controlled, firstRead, writes, notes } = (window as BenchWindow).__bench;
    return { marks, clicks, controlled, firstRead, writes, notes };
  });
}

/** Bytes of the wasm instance's linear memory, from the exports Trunk handed over. */
export async function wasmMemoryBytes(page: Page): Promise<number> {
  const bytes = await page.evaluate(() => (window as BenchWindow).__bench.wasm?.memory?.buffer.byteLength ?? null);
  if (bytes === null) throw new Error('no wasm memory: TrunkApplicationStarted did not hand over the exports');
  return bytes;
}

/**
 * Clicks `selector` in the page and resolves with the milliseconds until `done`: an element
 * matching `appears` is in the document, or the stored document has been written once more
 * (timed by the write itself).
 */
export async function timeInPage(page: Page, selector: string, done: { appears: string } | { written: true }) {
  return page.evaluate(
    ({ selector, done, writeEvent }) =>
      new Promise<number>((resolve, reject) => {
        const probe = (window as BenchWindow).__bench;
        const target = document.querySelector<HTMLElement>(selector);
        if (!target) {
          reject(new Error(`nothing matches ${selector}`));
          return;
        }
        const timeout = setTimeout(() => reject(new Error(`timed out after clicking ${selector}`)), 20_000);
        const finish = (at: number) => {
          clearTimeout(timeout);
          resolve(at - started);
        };
        if ('appears' in done) {
          const observer = new MutationObserver(() => {
            if (!document.querySelector(done.appears)) return;
            observer.disconnect();
            finish(performance.now());
          });
          observer.observe(document, { childList: true, subtree: true, characterData: true });
        } else {
          addEventListener(writeEvent, () => finish(probe.writes[probe.writes.length - 1].at), { once: true });
        }
        const started = performance.now();
        target.click();
      }),
    { selector, done, writeEvent: WRITE_EVENT },
  );
}
