// The Progress screen on the release build, with seeded data and a fixed "today"
// (24 Nov 2026, UTC): the chart's points and marks, its text summary, the change from the
// first week, the streak that forgives a rest day, and the stretch held per leg.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '../support/fixtures';
import { documentJson, entry, seedDocument, session, useFixedToday, type StoredEntry } from '../support/seed';

test.use({ timezoneId: 'UTC' });

test.beforeEach(async ({ page }) => {
  await useFixedToday(page);
});

/** Two weeks: the first at pain 7 (one day rated 6 and 8), the last at 4; one older day. */
function twoWeeks(): StoredEntry[] {
  const entries = [entry('old', 40, 7)];
  for (let daysAgo = 13; daysAgo >= 7; daysAgo--) entries.push(entry(`b${daysAgo}`, daysAgo, 7));
  entries.push(entry('b10-low', 10, 6, {}, 1), entry('b10-high', 10, 8, {}, 2));
  for (let daysAgo = 6; daysAgo >= 0; daysAgo--) entries.push(entry(`r${daysAgo}`, daysAgo, 4));
  return entries;
}

/** Completed routines today, 1, 2, 4 and 5 days ago; day 3 was stopped early (a rest day). */
const SESSIONS = [
  session('s0', 0, true),
  session('s1', 1, true),
  session('s2', 2, true),
  session('s3', 3, false, 0, 90),
  session('s4', 4, true),
  session('s5', 5, true, 150, 180),
];

test('the chart, its summary, the change, the streak and the dose', async ({ page }) => {
  await seedDocument(page, documentJson(twoWeeks(), SESSIONS));
  await page.goto('progress');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Progress');

  // 30 days by default: 14 rated days, 5 days with a completed routine.
  const chart = page.getByRole('img', { name: 'Pain chart, last 30 days' });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('data-days', '30');
  await expect(chart.locator('circle.pain-point')).toHaveCount(14);
  await expect(chart.locator('.session-mark')).toHaveCount(5);
  await expect(chart.locator('title')).toHaveText('Pain chart, last 30 days');
  const summary = page.locator('#pain-chart-summary');
  await expect(summary).toContainText('Pain over the last 30 days (from 26 Oct 2026 to 24 Nov 2026): rated on 14 days');
  await expect(summary).toContainText('A routine was completed on 5 days.');
  await expect(chart).toHaveAttribute('aria-describedby', 'pain-chart-summary');

  // The first week against the last: 7.0 → 4.0 is a meaningful change, stated as information.
  await expect(page.getByText('Meaningful change', { exact: true })).toBeVisible();
  await expect(page.locator('.change-text')).toHaveText(
    'Your 7-day average pain fell from 7.0 to 4.0 (−3.0 points, −43 %). That is a meaningful change by the usual rule (2 points or 30 %; Ostelo et al. 2008).',
  );
  await expect(page.locator('.averages')).toContainText('First 7 rated days7.0');
  await expect(page.locator('.averages')).toContainText('Last 7 days4.0');

  // The day stopped early does not break the streak.
  await expect(page.locator('.streak')).toHaveText('5 stretching days, since 19 Nov 2026. Done today.');
  await expect(page.getByText('Up to 1 rest day in any 3 days keeps your streak going.')).toBeVisible();

  // Stretch held per leg, newest first, including the session stopped early.
  const rows = page.locator('.dose-table tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toHaveText('24 Nov 20263:003:00');
  await expect(rows.nth(3)).toHaveText('21 Nov 20260:001:30');
  await expect(rows.nth(5)).toHaveText('19 Nov 20262:303:00');

  // 7 days, then 90.
  await page.getByText('7 days', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '7 days' })).toBeChecked();
  const week = page.getByRole('img', { name: 'Pain chart, last 7 days' });
  await expect(week).toHaveAttribute('data-days', '7');
  await expect(week.locator('circle.pain-point')).toHaveCount(7);
  await expect(week.locator('.session-mark')).toHaveCount(5);
  await expect(summary).toContainText('Pain over the last 7 days (from 18 Nov 2026 to 24 Nov 2026): rated on 7 days, average 4.0, lowest 4, highest 4.');

  await page.getByRole('radio', { name: '90 days' }).check();
  const quarter = page.getByRole('img', { name: 'Pain chart, last 90 days' });
  await expect(quarter).toHaveAttribute('data-days', '90');
  await expect(quarter.locator('circle.pain-point')).toHaveCount(15);
  await expect(quarter.locator('.chart-range')).toHaveCount(1);
  await expect(summary).toContainText('rated on 15 days');
});

test('a small fall is shown without the meaningful-change mark', async ({ page }) => {
  const entries = [];
  for (let daysAgo = 13; daysAgo >= 7; daysAgo--) entries.push(entry(`b${daysAgo}`, daysAgo, 5));
  for (let daysAgo = 6; daysAgo >= 0; daysAgo--) entries.push(entry(`r${daysAgo}`, daysAgo, 4));
  await seedDocument(page, documentJson(entries));
  await page.goto('progress');
  await expect(page.locator('.change-text')).toContainText('fell from 5.0 to 4.0');
  await expect(page.locator('.change-text')).toContainText('smaller than a meaningful change');
  await expect(page.getByText('Meaningful change', { exact: true })).toHaveCount(0);
  await expect(page.locator('.streak')).toHaveText('No streak yet: complete a routine to start one.');
  await expect(page.getByText('No stretch held in this period.')).toBeVisible();
});

test('with nothing logged, an honest empty state', async ({ page }) => {
  await page.goto('progress');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Progress');
  await expect(page.getByText('No entries yet: log how your back feels on Today or Log.')).toBeVisible();
  await expect(page.getByRole('img')).toHaveCount(0);
});

test('10,000 entries: the screen opens and switches period quickly', async ({ page }) => {
  const entries: StoredEntry[] = [];
  for (let n = 0; n < 10_000; n++) entries.push(entry(`e${n}`, Math.floor(n / 8), n % 11, {}, n % 8));
  await seedDocument(page, documentJson(entries));
  await page.goto('progress');
  const chart = page.getByRole('img', { name: 'Pain chart, last 30 days' });
  await expect(chart.locator('circle.pain-point')).toHaveCount(30);
  const started = Date.now();
  await page.getByText('90 days', { exact: true }).click();
  await expect(page.getByRole('img', { name: 'Pain chart, last 90 days' }).locator('circle.pain-point')).toHaveCount(90);
  expect(Date.now() - started).toBeLessThan(2_000);
});

test('no axe violations, light and dark, with data and at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await seedDocument(page, documentJson(twoWeeks(), SESSIONS));
  await page.goto('progress');
  await expect(page.getByRole('img', { name: 'Pain chart, last 30 days' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include('main').analyze();
    expect(results.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
