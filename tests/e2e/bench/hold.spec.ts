// Main-thread CPU while a hold runs, in real time: 60 s with the page visible, then 60 s with
// it really hidden (another tab in front: `document.visibilityState` is checked to read
// "hidden" before and after), as TaskDuration deltas of `Performance.getMetrics` over 5 s
// windows, in % of one core.
import { test, type CDPSession, type Page } from '@playwright/test';
import { benchDocument, seed } from './documents';
import { launchPlainChromium } from './plain_chromium';
import { benchFixture, writeResult } from './results';

const WINDOW_MS = 5_000;
const WINDOWS = 12;

/** Main-thread busy time and the metrics clock, both in seconds. */
async function taskClock(cdp: CDPSession) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => {
    const found = metrics.find((entry) => entry.name === name);
    if (!found) throw new Error(`Performance.getMetrics has no ${name}`);
    return found.value;
  };
  return { busy: value('TaskDuration'), at: value('Timestamp') };
}

/** % of one core the page's main thread used in each of the windows, back to back. */
async function cpuWindows(page: Page, cdp: CDPSession) {
  const percents: number[] = [];
  let before = await taskClock(cdp);
  for (let window = 0; window < WINDOWS; window++) {
    await page.waitForTimeout(WINDOW_MS);
    const after = await taskClock(cdp);
    percents.push(Math.round(((after.busy - before.busy) / (after.at - before.at)) * 100 * 1000) / 1000);
    before = after;
  }
  return percents;
}

const visibility = (page: Page) => page.evaluate(() => document.visibilityState);
const remaining = (page: Page) => page.getByRole('timer').textContent();

test('CPU during a hold, visible and hidden', async ({ baseURL }) => {
  test.setTimeout(240_000);
  const fixture = benchFixture();
  const chromium = await launchPlainChromium();
  try {
    const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    await seed(page, baseURL!, benchDocument(fixture));
    await page.goto(new URL(`routines/${fixture.hold_routine.id}`, baseURL).href);
    await page.getByRole('heading', { level: 1, name: fixture.hold_routine.name }).waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    // Past the lead-in, into the hold.
    await page.waitForFunction(() => {
      const title = document.querySelector('.phase-title')?.textContent ?? '';
      return title !== '' && title !== 'Get ready';
    });
    const cdp = await chromium.context.newCDPSession(page);
    await cdp.send('Performance.enable');

    if ((await visibility(page)) !== 'visible') throw new Error('the page is not visible to begin with');
    const visibleStart = await remaining(page);
    const visible = await cpuWindows(page, cdp);
    if ((await visibility(page)) !== 'visible') throw new Error('the page stopped being visible');
    console.log(`visible hold (${visibleStart} left at the start): ${visible.join(', ')} % of a core`);

    const front = await chromium.context.newPage();
    await page.waitForTimeout(1_000);
    if ((await visibility(page)) !== 'hidden') throw new Error('a tab in front did not hide the page');
    const hidden = await cpuWindows(page, cdp);
    if ((await visibility(page)) !== 'hidden') throw new Error('the page came back into view');
    await front.close();
    const hiddenEnd = await remaining(page);
    console.log(`hidden hold (${hiddenEnd} left at the end): ${hidden.join(', ')} % of a core`);
    if (!(await page.locator('.phase-title').textContent())?.toLowerCase().includes('hold')) {
      throw new Error('the hold ended before the measurement did');
    }

    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    writeResult(
      'hold',
      { cpu_hold_visible_percent: { samples: visible }, cpu_hold_hidden_percent: { samples: hidden } },
      {
        window_ms: WINDOW_MS,
        visible: { mean_percent: mean(visible), remaining_at_start: visibleStart },
        hidden: { mean_percent: mean(hidden), remaining_at_end: hiddenEnd },
      },
    );
  } finally {
    await chromium.close();
  }
});
