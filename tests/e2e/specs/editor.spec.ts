// Your own routines on the release build: build one in the editor (validation next to the
// field, keyboard reordering), run it, copy a built-in, guard unsaved changes, delete.
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { installDeviceStubs } from '../support/stubs';
import { documentJson, seedDocument } from '../support/seed';

test.beforeEach(async ({ page }) => {
  await installDeviceStubs(page);
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
});

test('build a routine in the editor, then run it', async ({ page }) => {
  await page.goto('routines');
  await page.getByRole('link', { name: 'New routine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New routine' })).toBeVisible();

  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(page.getByText('Give the routine a name.')).toBeVisible();
  await expect(page.getByText('Step 1: give it a name.')).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill('Evening knee hugs');
  const first = page.getByRole('group', { name: 'Step 1' });
  await first.getByLabel('Step name').fill('Knee hug');
  await first.getByLabel('Seconds').fill('0');
  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(first.getByText('Step 1: a hold, rest or movement needs at least one second.')).toBeVisible();
  await first.getByLabel('Seconds').fill('20');
  await first.getByLabel('Sides').selectOption('both');
  await first.getByLabel('First side').selectOption('left');
  await first.getByLabel('Rest between sides (s)').fill('5');
  await first.getByLabel('Side is called').fill('knee');

  await page.getByRole('button', { name: 'Add step' }).click();
  const second = page.getByRole('group', { name: 'Step 2' });
  await second.getByLabel('Step name').fill('Breathe');
  await second.getByLabel('Kind').selectOption('rest');
  await second.getByLabel('Seconds').fill('10');
  // Reorder with the keyboard: the rest goes first.
  await second.getByRole('button', { name: 'Move up step 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Step 1' }).getByLabel('Step name')).toHaveValue('Breathe');

  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evening knee hugs' })).toBeVisible();
  await expect(page.getByText('Total 0:55')).toBeVisible();

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const title = page.locator('.phase-title');
  await expect(title).toHaveText('Get ready');
  await page.clock.runFor(5_000);
  await expect(title).toHaveText('Rest 0:10');
  await page.clock.runFor(10_000);
  await expect(title).toHaveText('Left knee — hold 0:20');
  await page.clock.runFor(20_000 + 5_000);
  await expect(title).toHaveText('Right knee — hold 0:20');
  await page.clock.runFor(20_000);
  await expect(title).toHaveText('Done. Well done.');

  await page.goto('routines');
  await expect(page.getByRole('heading', { name: 'Your routines' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Evening knee hugs' })).toBeVisible();
});

test('copy a built-in routine, change the hold, and find it under Your routines', async ({ page }) => {
  await page.goto('routines/strap-hamstring');
  await page.getByRole('link', { name: 'Make your own copy' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Strap hamstring stretch — 3:00 per leg (my version)');
  const hold = page.getByRole('group', { name: 'Step 2' });
  await hold.getByLabel('Seconds').fill('60');
  await page.getByLabel('Name', { exact: true }).fill('Strap hamstring — 1:00 per leg');
  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strap hamstring — 1:00 per leg' })).toBeVisible();
  await expect(page.getByText('1:00 per leg, right first, 1:00 rest between')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Strap hamstring — 1:00 per leg' })).toBeVisible();
});

test('leaving with unsaved changes asks first', async ({ page }) => {
  await page.goto('routines/new');
  await page.getByLabel('Name', { exact: true }).fill('Half-made');
  page.once('dialog', (dialog) => dialog.dismiss());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New routine' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Half-made');

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log' })).toBeVisible();
});

test('edit and delete your own routine', async ({ page }) => {
  await page.goto('routines/cat-cow');
  await page.getByRole('link', { name: 'Make your own copy' }).click();
  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /\(my version\)$/ })).toBeVisible();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('My cat–cow');
  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My cat–cow' })).toBeVisible();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete routine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Routines' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'My cat–cow' })).toHaveCount(0);
});

/** A stored document holding one routine of the editor's most steps (50), named Pose 1…50. */
function fiftyStepDocument() {
  const steps = Array.from({ length: 50 }, (_, index) => ({
    name: `Pose ${index + 1}`,
    instructions: '',
    kind: 'hold',
    duration_ms: 20_000,
  }));
  return JSON.stringify({
    ...JSON.parse(documentJson([])),
    custom_routines: [{ id: 'custom-fifty', name: 'Fifty poses', summary: '', steps }],
  });
}

/**
 * Watches every step row for changes to its elements (children, attributes, text), so a test
 * can tell which rows an edit re-rendered. Values typed into fields are not such changes.
 */
async function watchRows(page: Page) {
  await page.locator('fieldset.step-editor').evaluateAll((rows) => {
    const changed = new Set<number>();
    Object.assign(window, { limberChangedRows: changed });
    rows.forEach((row, index) =>
      new MutationObserver(() => changed.add(index)).observe(row, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      }),
    );
  });
}

/** The rows (0-based, in order) whose elements changed since `watchRows`. */
async function changedRows(page: Page) {
  return page.evaluate(() =>
    [...(window as unknown as { limberChangedRows: Set<number> }).limberChangedRows].sort((a, b) => a - b),
  );
}

test('a routine of 50 steps: a keystroke, a removal, an addition and a move change only their rows', async ({ page }) => {
  await seedDocument(page, fiftyStepDocument());
  await page.goto('routines/custom-fifty/edit');
  await expect(page.getByRole('heading', { level: 1, name: 'Edit routine' })).toBeVisible();
  const rows = page.locator('fieldset.step-editor');
  await expect(rows).toHaveCount(50);
  const stepName = (number: number) => page.getByRole('group', { name: `Step ${number}`, exact: true }).getByLabel('Step name');

  await watchRows(page);
  await stepName(30).press('End');
  await stepName(30).pressSequentially('!');
  await expect(stepName(30)).toHaveValue('Pose 30!');
  await stepName(30).fill('Renamed');
  await expect(stepName(30)).toHaveValue('Renamed');
  await expect(stepName(29)).toHaveValue('Pose 29');
  await expect(stepName(31)).toHaveValue('Pose 31');
  expect((await changedRows(page)).filter((row) => row !== 29), 'typing re-renders no other row').toEqual([]);

  await watchRows(page);
  await page.getByRole('button', { name: 'Remove step 50' }).click();
  await expect(rows).toHaveCount(49);
  await expect(page.getByRole('button', { name: 'Move down step 49' })).toBeDisabled();
  expect((await changedRows(page)).filter((row) => row < 48), 'removing the last step re-renders no row before it').toEqual([]);

  await watchRows(page);
  await page.getByRole('button', { name: 'Add step' }).click();
  await expect(rows).toHaveCount(50);
  await expect(stepName(50)).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Move down step 49' })).toBeEnabled();
  expect((await changedRows(page)).filter((row) => row < 48), 'adding a step re-renders only the row before it').toEqual([]);

  await watchRows(page);
  await page.getByRole('button', { name: 'Move up step 30' }).focus();
  await page.keyboard.press('Enter');
  await expect(stepName(29)).toHaveValue('Renamed');
  await expect(stepName(30)).toHaveValue('Pose 29');
  await expect(stepName(28)).toHaveValue('Pose 28');
  expect(
    (await changedRows(page)).filter((row) => row !== 28 && row !== 29),
    'moving re-renders only the two rows that swap',
  ).toEqual([]);

  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(page.getByRole('group', { name: 'Step 50', exact: true }).getByText('Step 50: give it a name.')).toBeVisible();
  await expect(page.locator('.step-editor .field-error')).toHaveCount(1);
  await stepName(50).fill('Last pose');
  await expect(page.locator('.step-editor .field-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fifty poses' })).toBeVisible();
});
