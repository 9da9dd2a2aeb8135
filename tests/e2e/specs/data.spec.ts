// Settings → Your data on the release build: exports are real downloads with the right
// content, an import is previewed and only adds, and a bad or oversized file changes nothing.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { documentJson, entry, seedDocument, session, storedText, useFixedToday } from '../support/seed';

test.use({ timezoneId: 'UTC' });

const HERE = [entry('e1', 2, 6, { note: '=SUM(A1)' }), entry('e2', 1, 5, { note: 'after a walk, "better"' })];

test.beforeEach(async ({ page }) => {
  await useFixedToday(page);
  await seedDocument(page, documentJson(HERE));
  await page.goto('settings');
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeVisible();
});

async function textOf(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

/** Picks a file in the import field, as a person would with the file chooser. */
async function pick(page: Page, name: string, mimeType: string, content: string | Buffer) {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await page.getByLabel('Import a backup or CSV').setInputFiles({ name, mimeType, buffer });
}

test('Export CSV downloads the log with a header and formulas neutralised', async ({ page }) => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('limber-log-2026-11-24.csv');
  const text = await textOf(download);
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('id,time,pain,woke_at_night,stiffness,areas,context,session_id,note,night_of,times_woken');
  expect(lines[1]).toBe("e1,2026-11-22T08:00:00+00:00,6,,,,check-in,,'=SUM(A1),,");
  expect(lines[2]).toBe('e2,2026-11-23T08:00:00+00:00,5,,,,check-in,,"after a walk, ""better""",,');
  await expect(page.getByText('Saved limber-log-2026-11-24.csv.')).toBeVisible();
});

test('Export backup downloads the whole document as JSON', async ({ page }) => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('limber-backup-2026-11-24.json');
  const backup = JSON.parse(await textOf(download));
  expect(backup.schema_version).toBe(2);
  expect(backup.entries.map((e: { id: string }) => e.id)).toEqual(['e1', 'e2']);
  expect(backup.entries[0].note).toBe('=SUM(A1)');
  expect(backup.settings.welcome_seen).toBe(true);
});

test('importing a backup previews, then adds only what is new', async ({ page }) => {
  const changedCopy = entry('e2', 1, 9, { note: 'changed elsewhere' });
  const backup = documentJson([changedCopy, entry('e3', 5, 3), entry('e4', 4, 2)], [session('s1', 4, true)]);
  await pick(page, 'limber-backup-2026-11-20.json', 'application/json', backup);

  const preview = page.getByRole('region', { name: 'Import limber-backup-2026-11-20.json?' });
  await expect(preview).toContainText('2 new entries and 1 new session will be added. 1 is already here.');
  const before = await storedText(page);
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported: 3 records added. Nothing that was already here changed.')).toBeVisible();

  const stored = JSON.parse((await storedText(page)) ?? '{}');
  expect(stored.entries.map((e: { id: string }) => e.id).sort()).toEqual(['e1', 'e2', 'e3', 'e4']);
  const kept = stored.entries.find((e: { id: string }) => e.id === 'e2');
  expect(kept).toEqual(JSON.parse(before ?? '{}').entries.find((e: { id: string }) => e.id === 'e2'));
  expect(kept.pain).toBe(5);
  expect(stored.sessions.map((s: { id: string }) => s.id)).toEqual(['s1']);
});

test('Cancel leaves everything as it was', async ({ page }) => {
  const before = await storedText(page);
  await pick(page, 'more.csv', 'text/csv', 'time,pain\r\n2026-11-20T08:00:00+00:00,4\r\n');
  await expect(page.getByText('1 new entry will be added.')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('1 new entry will be added.')).toHaveCount(0);
  expect(await storedText(page)).toBe(before);
});

test('a garbage file shows a clear error and changes nothing', async ({ page }) => {
  const before = await storedText(page);
  await pick(page, 'garbage.json', 'application/json', 'this is not { a backup');
  const error = page.getByRole('alert');
  await expect(error).toContainText('This file could not be read as a Limber backup');
  await expect(error).toContainText('Nothing was changed.');
  await pick(page, 'photo.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  await expect(page.getByRole('alert')).toContainText('This does not look like a Limber log');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  expect(await storedText(page)).toBe(before);
});

test('a CSV with pain 11 is reported line by line and cannot be imported', async ({ page }) => {
  const before = await storedText(page);
  await pick(page, 'bad.csv', 'text/csv', 'time,pain\r\n2026-11-20T08:00:00+00:00,11\r\n');
  await expect(page.getByText('Nothing new to add. 1 item could not be read.')).toBeVisible();
  await expect(page.getByText('line 2: pain must be 0–10')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await storedText(page)).toBe(before);
});

test('a file over 5 MB is refused before it is read', async ({ page }) => {
  const before = await storedText(page);
  await pick(page, 'huge.json', 'application/json', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
  await expect(page.getByRole('alert')).toHaveText(
    'This file is 5.0 MB; Limber can import files up to 5 MB. Nothing was changed.',
  );
  expect(await storedText(page)).toBe(before);
});

test('the storage status says how much is stored', async ({ page }) => {
  await expect(page.getByText(/^Stored on this device: \d+ KB of 5 MB\.$/)).toBeVisible();
});

/** What the app should report: KB (rounded up) under Limber's keys, kept copies apart. */
async function storedKilobytes(page: Page) {
  return page.evaluate(() => {
    const bytes = { data: 0, kept: 0 };
    for (const key of Object.keys(localStorage).filter((name) => name.startsWith('limber:'))) {
      const size = new TextEncoder().encode(key + localStorage.getItem(key)).length;
      if (key.startsWith('limber:corrupt-backup-')) bytes.kept += size;
      else bytes.data += size;
    }
    return { data: Math.ceil(bytes.data / 1024), kept: Math.ceil(bytes.kept / 1024) };
  });
}

test('the storage status measures what is stored under Limber\'s keys, kept copies apart, after each save', async ({ page }) => {
  await page.evaluate(() => {
    localStorage.setItem('limber:corrupt-backup-1', 'x'.repeat(30_000));
    localStorage.setItem('other-app:big', 'y'.repeat(90_000));
  });
  await page.reload();
  let expected = await storedKilobytes(page);
  expect(expected.kept).toBe(30);
  await expect(page.getByText(`Stored on this device: ${expected.data} KB of 5 MB.`)).toBeVisible();
  await expect(page.getByText('Kept copies of data Limber did not understand: 30 KB.')).toBeVisible();

  // A save from another page of this browser (a second tab) is measured too.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('limber:document')!);
    index.future_notes = 'z'.repeat(40_000);
    localStorage.setItem('limber:document', JSON.stringify(index));
  });
  await other.close();
  await expect(async () => {
    expected = await storedKilobytes(page);
    expect(expected.data).toBeGreaterThan(39);
    await expect(page.getByText(`Stored on this device: ${expected.data} KB of 5 MB.`)).toBeVisible({ timeout: 500 });
  }).toPass();
});

test('the data section has no axe violations, light and dark, with a preview open, at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await pick(page, 'bad.csv', 'text/csv', 'time,pain\r\n2026-11-20T08:00:00+00:00,11\r\n2026-11-21T08:00:00+00:00,3\r\n');
  await expect(page.getByText('line 2: pain must be 0–10')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include('.data-section').analyze();
    expect(results.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
