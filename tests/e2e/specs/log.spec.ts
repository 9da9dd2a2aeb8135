// The symptom log on the release build: one-tap entries that survive reloads, details,
// edit/delete/undo, two tabs that never clobber each other, corrupt storage, and notes that
// stay text.
import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { storedText } from '../support/seed';

const quickScale = (page: Page) => page.getByRole('group', { name: 'How is your back right now?' });

async function logPain(page: Page, pain: number) {
  await quickScale(page).getByRole('button', { name: String(pain), exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved: ${pain}/10` })).toBeVisible();
}

const storedDocument = async (page: Page) => JSON.parse((await storedText(page)) ?? 'null');

test('one tap logs an entry that is still there after a reload', async ({ page }) => {
  await page.goto('log');
  await expect(page.getByText('Nothing logged yet')).toBeVisible();
  await logPain(page, 4);
  const history = page.locator('.history-items');
  await expect(history.getByText('4/10', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.locator('.history-items').getByText('4/10', { exact: true })).toBeVisible();
  const stored = await storedDocument(page);
  expect(stored.schema_version).toBe(2);
  expect(stored.entries).toHaveLength(1);
  expect(stored.entries[0].pain).toBe(4);
});

test('details, edit, delete and undo', async ({ page }) => {
  await page.goto('log');
  await logPain(page, 5);
  await page.getByRole('button', { name: 'Add details' }).click();
  await page.getByRole('checkbox', { name: 'Pain woke me at night' }).check();
  await page.getByRole('checkbox', { name: 'low back' }).check();
  await page.getByLabel('Note').fill('Worse after sitting');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const history = page.locator('.history-items');
  await expect(history.getByText('woke at night · low back')).toBeVisible();
  await expect(history.getByText('Worse after sitting')).toBeVisible();

  // Edit: an invalid stiffness is refused with a message, a valid pain is saved.
  await history.getByRole('button', { name: /^Edit/ }).click();
  await history.getByLabel('Stiffness (0–10, optional)').fill('11');
  await history.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(history.getByRole('alert')).toContainText('Stiffness must be 0–10.');
  await history.getByLabel('Stiffness (0–10, optional)').fill('');
  await history.getByRole('group', { name: 'Pain (0–10)' }).getByRole('button', { name: '6', exact: true }).click();
  await history.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(history.getByText('6/10', { exact: true })).toBeVisible();

  // Delete, then undo.
  await history.getByRole('button', { name: /^Delete/ }).click();
  await expect(history.getByText('6/10', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.history-items').getByText('6/10', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.locator('.history-items').getByText('6/10', { exact: true })).toBeVisible();
});

test('two tabs: an entry added in one shows in the other, and neither is lost', async ({ context, baseURL }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(new URL('log', baseURL).href);
  await second.goto(new URL('log', baseURL).href);
  await logPain(first, 3);
  await expect(second.locator('.history-items').getByText('3/10', { exact: true })).toBeVisible();
  await logPain(second, 7);
  await expect(first.locator('.history-items').getByText('7/10', { exact: true })).toBeVisible();
  await expect(first.locator('.history-items').getByText('3/10', { exact: true })).toBeVisible();
  const stored = await storedDocument(first);
  expect(stored.entries.map((entry: { pain: number }) => entry.pain).sort()).toEqual([3, 7]);
});

test('corrupt stored data: the app starts, says so, and the original is downloadable', async ({ page }) => {
  await page.goto('log');
  await page.evaluate(() => localStorage.setItem('limber:document', '{"schema_version": 2, "entries": [tru'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Log' })).toBeVisible();
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('could not be read');
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download the unreadable data' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toBe('{"schema_version": 2, "entries": [tru');
  // Logging still works and the copy is never overwritten.
  await logPain(page, 2);
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('limber:corrupt-backup-')).map((key) => localStorage.getItem(key)),
  );
  expect(backups).toEqual(['{"schema_version": 2, "entries": [tru']);
});

test('a note is text, never HTML', async ({ page }) => {
  await page.goto('log');
  await logPain(page, 4);
  await page.getByRole('button', { name: 'Add details' }).click();
  await page.getByLabel('Note').fill('<img src=x onerror="window.__xss=1">');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.history-items').getByText('<img src=x onerror="window.__xss=1">')).toBeVisible();
  await page.reload();
  await expect(page.locator('.history-items').getByText('<img src=x onerror="window.__xss=1">')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('.history-items img')).toHaveCount(0);
});

test('Today: check in, see today, and start the usual routine with one Start', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText('No check-in yet today.')).toBeVisible();
  await logPain(page, 5);
  await expect(page.getByText('Checked in today: 5/10.')).toBeVisible();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
});

test('10,000 entries: the history shows a page at a time', async ({ page }) => {
  await page.goto('log');
  await logPain(page, 4);
  const stored = (await storedText(page))!;
  await page.evaluate((text) => {
    const documentJson = JSON.parse(text);
    const template = documentJson.entries[0];
    const start = template.at.utc_ms;
    documentJson.entries = Array.from({ length: 10_000 }, (_, index) => ({
      ...template,
      id: `bulk-${String(index).padStart(5, '0')}`,
      at: { ...template.at, utc_ms: start - index * 3_600_000 },
      pain: index % 11,
    }));
    localStorage.setItem('limber:document', JSON.stringify(documentJson));
  }, stored);
  await page.reload();
  const rows = page.locator('.history-entry');
  await expect(rows).toHaveCount(100);
  await page.getByRole('button', { name: 'Show older' }).click();
  await expect(rows).toHaveCount(200);
});
