// A log of 10,000 entries: the extra start-up time its load and parse cost (loads with it
// against loads without, in turn, each timed from the app's first read of storage to Today
// rendered, so the download and compile of the app, the same in both, add no noise), the Log screen's first history rows, the Progress chart,
// one more entry saved (a tap on 0–10 until the document's index is written, after the chunk
// that changed), and the bytes stored (the index and its chunks).
import { test, type Browser, type Page } from '@playwright/test';
import { benchDocument, manyEntries, seed } from './documents';
import { installProbe, timeInPage, waitForMark } from './probe';
import { RUNS, benchFixture, round, writeResult } from './results';

const ENTRIES = 10_000;

/**
 * A page of its own context holding `document`, loaded once and given one check-in (untimed):
 * the document is seeded in the older single-key layout, which the app rewrites into its
 * chunked layout at the first change, as it does once for a user after an update. The figures
 * are then of the layout the app keeps.
 */
async function pageWith(browser: Browser, baseURL: string, document: string) {
  const context = await browser.newContext({ baseURL });
  await installProbe(context, 'watch');
  const page = await context.newPage();
  await seed(page, baseURL, document);
  await page.goto('./');
  await waitForMark(page, 'rendered');
  await timeInPage(page, '.quick-log .pain-button[data-rating="4"]', { written: true });
  return page;
}

/**
 * Loads Today afresh and returns ms from navigation to Today rendered (`page`) and from the
 * app's first read of the stored document to Today rendered (`storage`).
 */
async function openToday(page: Page) {
  await page.goto('./', { waitUntil: 'commit' });
  const { marks, firstRead } = await waitForMark(page, 'rendered');
  if (firstRead === undefined) throw new Error('the app rendered Today without reading storage');
  return { page: marks.rendered!, storage: marks.rendered! - firstRead };
}

test('10,000 log entries: load, history, chart, save, bytes', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const fixture = benchFixture();
  const big = await pageWith(browser, baseURL!, benchDocument(fixture, manyEntries(ENTRIES)));
  const empty = await pageWith(browser, baseURL!, benchDocument(fixture));

  const load: number[] = [];
  const withEntries: number[] = [];
  const without: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const plain = await openToday(empty);
    const loaded = await openToday(big);
    without.push(plain.page);
    withEntries.push(loaded.page);
    load.push(round(loaded.storage - plain.storage));
  }
  console.log(`start with ${ENTRIES} entries minus without (first read of storage to Today): ${load.join(', ')} ms`);
  await empty.context().close();

  const save: number[] = [];
  const history: number[] = [];
  const chart: number[] = [];
  let storedBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    await openToday(big);
    save.push(round(await timeInPage(big, '.quick-log .pain-button[data-rating="4"]', { written: true })));
    if (run === 0) {
      // The index and every chunk it names: all of Limber's keys but kept copies.
      storedBytes = await big.evaluate(() =>
        Object.keys(localStorage)
          .filter((key) => key.startsWith('limber:') && !key.startsWith('limber:corrupt-backup-'))
          .reduce((bytes, key) => bytes + new TextEncoder().encode(key + localStorage.getItem(key)).length, 0),
      );
    }
    history.push(round(await timeInPage(big, 'nav.bottom-nav a[href$="log"]', { appears: '.history-entry' })));
    chart.push(round(await timeInPage(big, 'nav.bottom-nav a[href$="progress"]', { appears: 'svg.pain-chart' })));
  }
  await big.context().close();
  console.log(`save: ${save.join(', ')} ms; history: ${history.join(', ')} ms; chart: ${chart.join(', ')} ms`);
  console.log(`stored: ${storedBytes} B (${ENTRIES + 1} entries, as the app wrote them)`);

  writeResult(
    'log10k',
    {
      log10k_load_ms: { samples: load },
      log10k_history_ms: { samples: history },
      log10k_chart_ms: { samples: chart },
      log10k_save_ms: { samples: save },
      log10k_stored_bytes: { samples: [storedBytes] },
    },
    {
      entries: ENTRIES,
      rendered_with_entries_ms: withEntries.map(round),
      rendered_without_ms: without.map(round),
      stored_entries: ENTRIES + 1
    },
  );
});
