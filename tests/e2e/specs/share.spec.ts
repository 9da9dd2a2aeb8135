// Sharing your own routine on the release build: a link that opens a preview in a fresh
// browser (nothing saved until "Save to my routines"), damaged links that change nothing,
// and the routine file's export → import round trip.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { test, expect, watchPage } from '../support/fixtures';
import { storedText } from '../support/seed';
import { buildOwnRoutine as buildRoutine, OWN_ROUTINE_NAME } from '../support/own_routine';
import { installDeviceStubs } from '../support/stubs';

const NAME = OWN_ROUTINE_NAME;

async function prepare(page: Page) {
  await installDeviceStubs(page);
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
}

test.beforeEach(async ({ page }) => {
  await prepare(page);
});

/** Presses Share link and returns the link shown in the text field. */
async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share link' }).click();
  const field = page.getByLabel('Link to this routine');
  await expect(field).toHaveAttribute('readonly', '');
  return field.inputValue();
}

/** A page in a new browser context (nothing stored), watched like the default page. */
async function freshPage(browser: Browser, origin: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watcher = watchPage(page, origin);
  await prepare(page);
  return { context, page, watcher };
}

test('share a routine by link; a fresh browser previews it, saves it and starts it', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const detail = await buildRoutine(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await page.clock.runFor(5_000 + 10_000);
  await expect(page.locator('.phase-title')).toHaveText('Done. Well done.');
  await page.goto(detail);

  const link = await shareLink(page);
  expect(link.startsWith(`${baseURL}import#r=1.`)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const origin = new URL(baseURL!).origin;
  const fresh = await freshPage(browser, origin);
  try {
    await fresh.page.goto(link);
    await expect(fresh.page.getByRole('heading', { level: 2, name: NAME })).toBeVisible();
    await expect(fresh.page.getByText('Knees to chest before bed.')).toBeVisible();
    await expect(fresh.page.getByText('Limber has not checked it')).toBeVisible();
    await expect(fresh.page.getByText('Knee hug', { exact: true })).toBeVisible();
    await expect(fresh.page.getByText(/— 0:10/)).toBeVisible();
    // Nothing is saved before the tap.
    expect(await storedText(fresh.page) ?? '').not.toContain(NAME);

    await fresh.page.getByRole('button', { name: 'Save to my routines' }).click();
    await expect(fresh.page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    expect(fresh.page.url()).toMatch(/\/routines\/custom-/);
    expect(fresh.page.url()).not.toBe(detail);
    expect(await storedText(fresh.page)).toContain(NAME);
    await fresh.page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(fresh.page.getByRole('timer')).toBeVisible();
    expect(fresh.watcher.report(), 'console errors, page errors or failed requests').toEqual([]);
  } finally {
    await fresh.context.close();
  }
});

test('where copying is not possible, the link is shown to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await buildRoutine(page);
  const link = await shareLink(page);
  expect(link).toContain('import#r=1.');
  await expect(page.getByRole('status').filter({ hasText: 'Copy the link above' })).toBeVisible();
});

test('tampered and truncated links show why and change nothing', async ({ page }) => {
  await buildRoutine(page);
  const link = await shareLink(page);
  const [address, payload] = link.split('#r=');
  const middle = Math.floor(payload.length / 2);
  const changed = payload[middle] === 'A' ? 'B' : 'A';
  const tampered = `${address}#r=${payload.slice(0, middle)}${changed}${payload.slice(middle + 1)}`;
  const truncated = link.slice(0, link.length - 12);
  const before = await storedText(page);
  expect(before).toContain(NAME);

  for (const [bad, message] of [
    [tampered, 'This link was changed or damaged. Ask for the link again.'],
    [truncated, 'This link is incomplete'],
    [`${address}#r=hello`, 'This is not a Limber routine link.'],
  ]) {
    await page.goto(bad);
    await expect(page.getByRole('heading', { level: 1, name: 'Open a shared routine' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('button', { name: 'Save to my routines' })).toHaveCount(0);
    expect(await storedText(page)).toBe(before);
  }
});

test('export a routine file, then open it under /import and save it', async ({ page }) => {
  await buildRoutine(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export routine file (.json)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  expect(JSON.parse(text).routine.name).toBe(NAME);

  await page.goto('import');
  const picker = page.getByLabel('Open a routine file');
  await picker.setInputFiles({ name: 'garbage.json', mimeType: 'application/json', buffer: Buffer.from('{"nope": 1}') });
  await expect(page.getByRole('alert')).toHaveText('This is not a Limber routine file.');
  await picker.setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByRole('heading', { level: 2, name: NAME })).toBeVisible();
  // The file is a routine this user already has: Limber says so and offers to keep both.
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await page.goto('routines');
  await expect(page.getByRole('link', { name: NAME })).toHaveCount(2);
});
