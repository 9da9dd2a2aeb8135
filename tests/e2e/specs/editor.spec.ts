// Your own routines on the release build: build one in the editor (validation next to the
// field, keyboard reordering), run it, copy a built-in, guard unsaved changes, delete.
import { test, expect } from '../support/fixtures';
import { installDeviceStubs } from '../support/stubs';

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
