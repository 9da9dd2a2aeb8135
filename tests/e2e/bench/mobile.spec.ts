// First visit on a phone's mobile link: a fresh profile, the network emulated at 1.6 Mbps
// down and 150 ms round trip (CDP `Network.emulateNetworkConditions`, Lighthouse's "slow 4G"),
// the CPU slowed 4×. Timed from navigation: the first contentful paint (the static shell of
// index.html, or the app if it comes first) and interactive (the probe's tap answered).
import { test, type Browser } from '@playwright/test';
import { installProbe, waitForMark } from './probe';
import { RUNS, round, writeResult } from './results';

/** The emulated link: bytes per second and milliseconds of round trip. */
const LINK = { latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8 };
const CPU_SLOWDOWN = 4;

/** One first visit; returns ms to first contentful paint and to interactive. */
async function firstVisit(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  try {
    await installProbe(context, 'interact');
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINK });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto('./', { waitUntil: 'commit' });
    const { marks } = await waitForMark(page, 'interactive');
    const paint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    );
    if (paint === null) throw new Error('no first-contentful-paint entry');
    return { paint, interactive: marks.interactive! };
  } finally {
    await context.close();
  }
}

test('first visit on a mobile link at 4x CPU: first paint and interactive', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  // One untimed visit first: the browser's own first-use costs are not the app's.
  await firstVisit(browser, baseURL!);
  const paint: number[] = [];
  const interactive: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const visit = await firstVisit(browser, baseURL!);
    paint.push(round(visit.paint));
    interactive.push(round(visit.interactive));
  }
  console.log(`mobile first visit: first paint ${paint.join(', ')} ms; interactive ${interactive.join(', ')} ms`);
  writeResult(
    'mobile',
    {
      mobile_first_paint_ms: { samples: paint },
      mobile_interactive_ms: { samples: interactive },
    },
    { link: LINK, cpu_slowdown: CPU_SLOWDOWN, paint, interactive },
  );
});
