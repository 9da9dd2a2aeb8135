// Start-up, from navigation to an app that answers a tap: cold (a fresh profile each run, so
// nothing cached and no service worker) and warm offline (the network off, the service worker
// serving a reload), each unthrottled and at 4x CPU throttling; and the memory in use right
// after a cold start.
import { test, type Browser, type CDPSession, type Page } from '@playwright/test';
import { installProbe, waitForMark, wasmMemoryBytes } from './probe';
import { RUNS, round, writeResult, type Figure } from './results';

const RATES = [1, 4] as const;

/** One value of `Performance.getMetrics`. */
async function metric(cdp: CDPSession, name: string) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const found = metrics.find((entry) => entry.name === name);
  if (!found) throw new Error(`Performance.getMetrics has no ${name}`);
  return found.value;
}

/** Loads the app in a fresh context; returns ms to interactive, and memory when asked. */
async function coldStart(browser: Browser, baseURL: string, rate: number, measureMemory: boolean) {
  const context = await browser.newContext({ baseURL });
  try {
    await installProbe(context, 'interact');
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto('./', { waitUntil: 'commit' });
    const { marks, clicks } = await waitForMark(page, 'interactive');
    if (!measureMemory) return { interactive: marks.interactive!, clicks };
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await metric(cdp, 'JSHeapUsedSize');
    return { interactive: marks.interactive!, clicks, heap, wasm: await wasmMemoryBytes(page) };
  } finally {
    await context.close();
  }
}

/**
 * Waits until the app's service worker controls the page. Returns why not if the app
 * registers none within 10 s; throws if one registers but never takes control.
 */
async function serviceWorkerInControl(page: Page): Promise<string | null> {
  const state = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return 'unsupported';
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const until = performance.now() + 10_000;
    while (!(await navigator.serviceWorker.getRegistration())) {
      if (performance.now() > until) return 'none';
      await sleep(100);
    }
    await navigator.serviceWorker.ready;
    for (let waited = 0; !navigator.serviceWorker.controller && waited < 5_000; waited += 100) await sleep(100);
    return navigator.serviceWorker.controller ? 'controlled' : 'active';
  });
  if (state === 'none') return 'no service worker yet';
  if (state === 'unsupported') return 'no service workers in this browser';
  if (state === 'active') {
    // A worker that does not claim open pages controls them from the next load.
    await page.reload();
    await waitForMark(page, 'interactive');
    if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
      throw new Error('a service worker registered but never controlled the page');
    }
  }
  return null;
}

test('start-up: cold and warm offline, 1x and 4x CPU; memory after start', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const figures: Record<string, Figure> = {};
  const details: Record<string, unknown> = {};

  // Cold. One untimed run first: the browser's own first-use costs are not the app's.
  await coldStart(browser, baseURL!, 1, false);
  const heap: number[] = [];
  const wasm: number[] = [];
  for (const rate of RATES) {
    const samples: number[] = [];
    const clicks: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await coldStart(browser, baseURL!, rate, rate === 1);
      samples.push(round(result.interactive));
      clicks.push(result.clicks);
      if (result.heap !== undefined) heap.push(result.heap);
      if (result.wasm !== undefined) wasm.push(result.wasm);
    }
    const key = rate === 1 ? 'interactive_cold_ms' : `interactive_cold_${rate}x_ms`;
    figures[key] = { samples };
    details[key] = { samples, taps_needed: clicks };
    console.log(`cold start at ${rate}x CPU: ${samples.join(', ')} ms`);
  }
  figures.js_heap_bytes = { samples: heap };
  figures.wasm_memory_bytes = { samples: wasm };
  figures.memory_bytes = { samples: heap.map((bytes, run) => bytes + wasm[run]) };
  console.log(`after start: JS heap ${heap.join(', ')} B; wasm memory ${wasm.join(', ')} B`);

  // Warm offline: install the service worker online, then reload with the network off.
  const context = await browser.newContext({ baseURL });
  try {
    await installProbe(context, 'interact');
    const page = await context.newPage();
    await page.goto('./');
    await waitForMark(page, 'interactive');
    const notApplicable = await serviceWorkerInControl(page);
    const cdp = await context.newCDPSession(page);
    if (notApplicable === null) await context.setOffline(true);
    for (const rate of RATES) {
      const key = rate === 1 ? 'interactive_warm_offline_ms' : `interactive_warm_offline_${rate}x_ms`;
      if (notApplicable !== null) {
        figures[key] = { na: notApplicable };
        continue;
      }
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const samples: number[] = [];
      // One untimed reload first, at this rate.
      for (let run = -1; run < RUNS; run++) {
        await page.reload({ waitUntil: 'commit' });
        const { marks, controlled } = await waitForMark(page, 'interactive');
        if (!controlled) throw new Error('an offline reload was not served by the service worker');
        if (run >= 0) samples.push(round(marks.interactive!));
      }
      figures[key] = { samples };
      console.log(`warm offline start at ${rate}x CPU: ${samples.join(', ')} ms`);
    }
    if (notApplicable !== null) console.log(`warm offline start: n/a (${notApplicable})`);
  } finally {
    await context.close();
  }
  writeResult('start', figures, details);
});
