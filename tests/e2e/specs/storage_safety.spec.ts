// Never lose a byte (issue 12), on the release build: a newer version's document written by
// another tab is never merged or overwritten; text not understood completely is kept byte for
// byte and named; a routine deleted in one tab stays deleted with a second tab open; an edit
// in progress keeps its draft when another tab writes, and saving to a deleted entry says so;
// imports pass the same validation as share links, and non-UTF-8 files are refused.
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { documentJson, entry, seedDocument, storedDocument, storedText } from '../support/seed';

const quickScale = (page: Page) => page.getByRole('group', { name: 'How is your back right now?' });

async function logPain(page: Page, pain: number) {
  await quickScale(page).getByRole('button', { name: String(pain), exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved: ${pain}/10` })).toBeVisible();
}

/** Every kept copy of stored text, as `[key, text]`. */
const keptCopies = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('limber:corrupt-backup-'))
      .map((key) => localStorage.getItem(key)),
  );

/** One of the user's own routines, valid by every rule. */
const MY_ROUTINE = {
  id: 'custom-0001',
  name: 'My evening stretch',
  summary: 'Two short holds.',
  steps: [{ name: 'Knee to chest', instructions: 'Hug one knee.', kind: 'hold', duration_ms: 30000 }],
};

test('a newer version written by another tab is never merged or overwritten, and this tab says so', async ({
  context,
  baseURL,
}) => {
  const older = await context.newPage();
  const newer = await context.newPage();
  await older.goto(new URL('log', baseURL).href);
  await logPain(older, 3);
  await newer.goto(new URL('log', baseURL).href);
  const newerText = JSON.stringify({
    schema_version: 99,
    entries: [],
    records_of_a_new_kind: [{ id: 'x1', what: 'only version 99 knows' }],
    settings: { welcome_seen: true, a_new_setting: 7 },
  });
  await newer.evaluate((text) => localStorage.setItem('limber:document', text), newerText);

  const banner = older.getByRole('alert').filter({ hasText: 'Limber was updated in another tab — reload to continue' });
  await expect(banner).toBeVisible();
  // A tap here changes memory only: nothing says "Saved", and the newer text stays as written.
  await quickScale(older).getByRole('button', { name: '6', exact: true }).click();
  await expect(older.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible();
  await expect(older.getByRole('status').filter({ hasText: 'Saved: 6/10' })).toHaveCount(0);
  expect(await storedText(older)).toBe(newerText);
  // What the older tab holds can still be exported.
  const [download] = await Promise.all([
    older.waitForEvent('download'),
    banner.getByRole('button', { name: 'Export a backup' }).click(),
  ]);
  const exported = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString());
  // The 6, tapped within 30 s of the 3, corrected it (issue #15): memory holds the 6 alone.
  expect(exported.entries.map((e: { pain: number }) => e.pain)).toEqual([6]);
  expect(await storedText(newer)).toBe(newerText);
});

test('valid JSON of an unexpected shape is kept byte for byte and the user is told', async ({ page }) => {
  const unexpected = JSON.stringify({
    schema_version: 2,
    entries: { e1: entry('e1', 1, 4) },
    settings: { welcome_seen: true },
  });
  await seedDocument(page, unexpected);
  await page.goto('log');
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Part of your saved data was not understood');
  await expect(banner).toContainText('“entries” was not a list');
  expect(await keptCopies(page)).toEqual([unexpected]);
  await logPain(page, 2);
  expect(await keptCopies(page)).toEqual([unexpected]);
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download the unreadable data' }).click();
  expect(Buffer.concat(await (await (await download).createReadStream()).toArray()).toString()).toBe(unexpected);
});

test('records the restore drops or shortens are kept byte for byte and named', async ({ page }) => {
  const damaged = documentJson([entry('e1', 1, 4), entry('e2', 1, 12), entry('e3', 2, 5, { note: 'x'.repeat(600) })]);
  await seedDocument(page, damaged);
  await page.goto('log');
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Entry 2 could not be read and was left out');
  await expect(banner).toContainText('was shortened');
  await expect(page.locator('.history-items').getByText('4/10', { exact: true })).toBeVisible();
  expect(await keptCopies(page)).toEqual([damaged]);
  await logPain(page, 1);
  expect(await keptCopies(page)).toEqual([damaged]);
});

test('a routine deleted in one tab stays deleted while a second tab is open', async ({ context, baseURL }) => {
  const deleting = await context.newPage();
  const other = await context.newPage();
  const seeded = JSON.stringify({ ...storedDocument([]), custom_routines: [MY_ROUTINE] });
  await seedDocument(deleting, seeded);
  await deleting.goto(new URL('routines/custom-0001', baseURL).href);
  await other.goto(new URL('log', baseURL).href);
  await expect(deleting.getByRole('heading', { level: 1, name: 'My evening stretch' })).toBeVisible();
  deleting.on('dialog', (dialog) => dialog.accept());
  await deleting.getByRole('button', { name: 'Delete routine' }).click();
  await expect(deleting.getByRole('heading', { level: 1, name: 'Routines' })).toBeVisible();
  // The other tab takes in the deletion, then writes something of its own.
  await logPain(other, 5);
  await expect(deleting.getByText('My evening stretch')).toHaveCount(0);
  await deleting.reload();
  await expect(deleting.getByRole('heading', { level: 1, name: 'Routines' })).toBeVisible();
  await expect(deleting.getByText('My evening stretch')).toHaveCount(0);
  const stored = JSON.parse((await storedText(other)) ?? '{}');
  expect(stored.custom_routines).toEqual([]);
});

test('an open edit keeps its draft when another tab writes; saving a deleted entry offers a new one', async ({
  context,
  baseURL,
}) => {
  const editing = await context.newPage();
  const other = await context.newPage();
  await seedDocument(editing, documentJson([entry('e1', 0, 4)]));
  await editing.goto(new URL('log', baseURL).href);
  await other.goto(new URL('log', baseURL).href);
  const history = editing.locator('.history-items');
  await history.getByRole('button', { name: /^Edit/ }).click();
  await editing.getByLabel('Note').fill('Typed while the other tab wrote');

  await logPain(other, 7);
  await expect(history.getByText('7/10', { exact: true })).toBeVisible();
  await expect(editing.getByLabel('Note')).toHaveValue('Typed while the other tab wrote');

  // The other tab deletes the entry being edited.
  const otherRow = other.locator('.history-entry').filter({ hasText: '4/10' });
  await otherRow.getByRole('button', { name: /^Delete/ }).click();
  await expect(history.getByText('4/10', { exact: true })).toHaveCount(0);
  await expect(editing.getByLabel('Note')).toHaveValue('Typed while the other tab wrote');
  await editing.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editing.getByRole('alert')).toContainText('This entry no longer exists');
  await editing.getByRole('button', { name: 'Save as a new entry' }).click();
  await expect(history.getByText('Typed while the other tab wrote')).toBeVisible();
  const stored = JSON.parse((await storedText(editing)) ?? '{}');
  expect(stored.entries.map((e: { note: string }) => e.note)).toContain('Typed while the other tab wrote');
});

test('a backup cannot bring in a routine a share link would refuse', async ({ page }) => {
  await seedDocument(page, documentJson([entry('e1', 1, 4)]));
  await page.goto('settings');
  const thousandsOfSteps = Array.from({ length: 3000 }, (_, index) => ({
    name: `Step ${index}`,
    instructions: '',
    kind: 'hold',
    duration_ms: 365 * 86_400_000,
  }));
  const backup = JSON.stringify({
    ...storedDocument([entry('e9', 2, 3)]),
    custom_routines: [{ id: 'custom-evil', name: '', summary: '', steps: thousandsOfSteps }],
  });
  await page
    .getByLabel('Import a backup or CSV')
    .setInputFiles({ name: 'limber-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  const preview = page.getByRole('region', { name: 'Import limber-backup.json?' });
  await expect(preview).toContainText('Custom routine 1 could not be read and was left out');
  await expect(preview).toContainText('1 new entry will be added.');
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported: 1 record added.')).toBeVisible();
  const stored = JSON.parse((await storedText(page)) ?? '{}');
  expect(stored.custom_routines).toEqual([]);
});

test('a file that is not UTF-8 is refused with a clear message', async ({ page }) => {
  await seedDocument(page, documentJson([entry('e1', 1, 4)]));
  await page.goto('settings');
  const before = await storedText(page);
  const latin1 = Buffer.from('time,pain,note\r\n2026-11-20T08:00:00+00:00,4,caf\xe9\r\n', 'latin1');
  await page.getByLabel('Import a backup or CSV').setInputFiles({ name: 'log.csv', mimeType: 'text/csv', buffer: latin1 });
  await expect(page.getByRole('alert')).toContainText('the file is not UTF-8 text');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  expect(await storedText(page)).toBe(before);
});

test('while storage is full nothing says "Saved", and leaving with unsaved changes asks first', async ({ page }) => {
  await page.goto('log');
  await logPain(page, 3);
  await page.evaluate(() => {
    let filled = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`other-app:filler-${filled}`, 'x'.repeat(size));
          filled += 1;
        } catch {
          break;
        }
      }
    }
  });
  await quickScale(page).getByRole('button', { name: '8', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 8/10' })).toHaveCount(0);
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      // Accepted, so the page closes cleanly before the context does.
      void dialog.accept();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
});
