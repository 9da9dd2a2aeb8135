// The bench's in-page probe, installed before the app loads. It times everything inside the
// page with performance.now() (0 = navigation start), so no protocol latency enters a figure:
// - `rendered`: the Today heading and the 0–10 scale are in the document;
// - `interactive` (mode 'interact'): a tap on the scale, made as soon as it exists, shows "Saved";
// - every write of the stored document (time and length), every Web Audio note started
//   (`OscillatorNode.start(when)` on the real AudioContext, with the audio clock at the call),
//   and the wasm exports Trunk hands over in its `TrunkApplicationStarted` event.
import type { BrowserContext, Page } from '@playwright/test';

/** The stored document's localStorage key. */
export const DOCUMENT_KEY = 'limber:document';

export interface Probe {
  marks: { rendered?: number; clicked?: number; interactive?: number; started?: number };
  /** Taps the probe needed before the app answered (1 unless the handler was not ready). */
  clicks: number;
  /** True if a service worker controlled this page when it loaded. */
  controlled: boolean;
  writes: { at: number; length: number }[];
  notes: { when: number; now: number; frequency: number; type: string }[];
  wasm?: { memory?: WebAssembly.Memory };
}

type BenchWindow = typeof globalThis & { __bench: Probe };

/** Installs the probe in every page of `target`; with `interact`, it also taps the scale. */
export async function installProbe(target: BrowserContext | Page, mode: 'interact' | 'watch') {
  await target.addInitScript((interact: boolean) => {
    const probe: Probe = {
      marks: {},
      clicks: 0,
      controlled: !!navigator.serviceWorker?.controller,
      writes: [],
      notes: [],
    };
    (window as BenchWindow).__bench = probe;
    addEventListener('TrunkApplicationStarted', (event) => {
      probe.marks.started = performance.now();
      probe.wasm = (event as CustomEvent).detail?.wasm;
    });

    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      setItem.call(this, key, value);
      if (key === 'limber:document') probe.writes.push({ at: performance.now(), length: String(value).length });
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
      probe.marks.clicked ??= performance.now();
      button.click();
      // A tap the app did not answer yet (its handler not attached): tap again next frame.
      requestAnimationFrame(tap);
    };
    const observer = new MutationObserver(() => {
      const marks = probe.marks;
      if (marks.rendered === undefined) {
        const heading = [...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === 'Today');
        if (!heading || !document.querySelector('.quick-log .pain-button')) return;
        marks.rendered = performance.now();
        if (!interact) {
          observer.disconnect();
          return;
        }
        tap();
      }
      if (saved()) {
        marks.interactive = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, mode === 'interact');
}

/** Waits until the probe has the mark, and returns the probe's marks and counters. */
export async function waitForMark(page: Page, mark: keyof Probe['marks'], timeout = 30_000) {
  await page.waitForFunction((name) => (window as BenchWindow).__bench?.marks[name] !== undefined, mark, { timeout });
  return probe(page);
}

/** What the probe recorded so far (without the wasm exports, which do not clone). */
export async function probe(page: Page): Promise<Omit<Probe, 'wasm'>> {
  return page.evaluate(() => {
    const { marks, clicks, controlled, writes, notes } = (window as BenchWindow).__bench;
    return { marks, clicks, controlled, writes, notes };
  });
}

/** Bytes of the wasm instance's linear memory, from the exports Trunk handed over. */
export async function wasmMemoryBytes(page: Page): Promise<number> {
  const bytes = await page.evaluate(() => (window as BenchWindow).__bench.wasm?.memory?.buffer.byteLength ?? null);
  if (bytes === null) throw new Error('no wasm memory: TrunkApplicationStarted did not hand over the exports');
  return bytes;
}

/**
 * Runs `action` in the page (a click on `selector`) and resolves with the milliseconds until
 * `done` holds, checked after every DOM change and every stored-document write.
 */
export async function timeInPage(page: Page, selector: string, done: { appears: string } | { writes: number }) {
  return page.evaluate(
    ({ selector, done }) =>
      new Promise<number>((resolve, reject) => {
        const probe = (window as BenchWindow).__bench;
        const target = document.querySelector<HTMLElement>(selector);
        if (!target) {
          reject(new Error(`nothing matches ${selector}`));
          return;
        }
        const writesBefore = probe.writes.length;
        let started = 0;
        const check = () => {
          if ('appears' in done) {
            if (!document.querySelector(done.appears)) return false;
            resolve(performance.now() - started);
          } else {
            if (probe.writes.length < writesBefore + done.writes) return false;
            resolve(probe.writes[writesBefore + done.writes - 1].at - started);
          }
          observer.disconnect();
          clearInterval(poll);
          return true;
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, characterData: true });
        // Writes change no DOM: a slow poll catches them; their time comes from the write itself.
        const poll = setInterval(check, 1);
        setTimeout(() => reject(new Error(`timed out after clicking ${selector}`)), 20_000);
        started = performance.now();
        target.click();
        check();
      }),
    { selector, done },
  );
}
