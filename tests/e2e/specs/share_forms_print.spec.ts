// Issue 15 on the release build: re-opening a routine you already have offers "Keep both" or
// "Replace" and your routines come first; the clinician summary prints on one A4 or Letter
// page with an optional name line; form controls take the app's colours, sliders show their
// value, and "Test sounds" shows what is playing.
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { demoDocument } from '../support/demo_data';
import { seedDocument, storedText } from '../support/seed';
import { buildOwnRoutine, OWN_ROUTINE_NAME } from '../support/own_routine';
import { installDeviceStubs } from '../support/stubs';

const NAME = OWN_ROUTINE_NAME;

test.beforeEach(async ({ page }) => {
  await installDeviceStubs(page);
});

/** Builds a one-step routine in the editor and returns its share link. */
async function sharedRoutineLink(page: Page): Promise<string> {
  await buildOwnRoutine(page);
  await page.getByRole('button', { name: 'Share link' }).click();
  return page.getByLabel('Link to this routine').inputValue();
}

const ownCount = async (page: Page) =>
  JSON.parse((await storedText(page)) ?? '{}').custom_routines.filter((routine: { name: string }) => routine.name === NAME).length;

test('re-opening a routine you already have offers "Keep both" or "Replace"; yours come first', async ({ page }) => {
  const link = await sharedRoutineLink(page);
  expect(await ownCount(page)).toBe(1);

  await page.goto(link);
  await expect(page.getByText('You already have this routine')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save to my routines' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  expect(await ownCount(page)).toBe(1);

  await page.goto(link);
  await page.getByRole('button', { name: 'Keep both', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  expect(await ownCount(page)).toBe(2);

  await page.goto('routines');
  const headings = page.getByRole('heading', { level: 2 });
  await expect(headings.first()).toHaveText('Your routines');
  await expect(headings.nth(1)).toHaveText('Library');
});

test('the clinician summary of 30 days prints on one A4 and one Letter page, with a name line', async ({ page }) => {
  const now = new Date('2026-11-24T12:00:00Z');
  await page.clock.setFixedTime(now);
  await seedDocument(page, JSON.stringify(demoDocument(now, 30)));
  await page.goto('summary');
  await expect(page.getByRole('heading', { level: 1, name: 'Clinician summary' })).toBeVisible();
  await page.getByLabel('Name on the summary (optional)').fill('Alex Example');
  await expect(page.getByText('Name: Alex Example')).toBeVisible();
  // Typed for the print only: never stored.
  expect(await storedText(page)).not.toContain('Alex Example');

  await page.emulateMedia({ media: 'print' });
  const chart = await page.getByRole('img', { name: 'Pain chart, last 30 days' }).boundingBox();
  // About 3 cm high on paper (96 px per inch): readable, and the page still fits.
  expect(chart!.height).toBeGreaterThan(100);
  expect(chart!.height).toBeLessThan(200);
  for (const format of ['A4', 'Letter']) {
    const pdf = (await page.pdf({ format, printBackground: false })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages.length, `${format} pages`).toBe(1);
    expect(pdf.length).toBeGreaterThan(1000);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`form controls follow the app's colours (${scheme}); sliders show their value`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('settings');
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    const toRgb = await page.evaluate((hex) => {
      const probe = document.createElement('span');
      probe.style.color = hex;
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color;
      probe.remove();
      return rgb;
    }, accent);
    for (const control of [page.getByRole('checkbox', { name: 'Sounds', exact: true }), page.getByLabel('Volume')]) {
      expect(await control.evaluate((element) => getComputedStyle(element).accentColor)).toBe(toRgb);
    }
    await expect(page.locator('output[for="setting-volume"]')).toHaveText('80%');
    await page.getByLabel('Volume').fill('35');
    await expect(page.locator('output[for="setting-volume"]')).toHaveText('35%');
    await expect(page.locator('output[for="setting-rate"]')).toHaveText('1.0×');
    await expect(page.getByLabel('Speech rate')).toHaveAttribute('aria-valuetext', '1.0 times normal speed');
  });
}

test('"Test sounds" shows what is playing', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
  await page.goto('settings');
  await page.getByRole('button', { name: 'Test sounds' }).click();
  const playing = page.locator('.now-playing');
  await page.clock.runFor(100);
  await expect(playing).toContainText('Playing: Get ready (1 of 9)');
  await expect(playing).toContainText('Voice: “Right leg. Hold for three minutes.”');
  let seen = 1;
  for (let step = 0; step < 200 && seen < 9; step++) {
    await page.clock.runFor(100);
    const text = (await playing.textContent()) ?? '';
    const match = text.match(/\((\d) of 9\)/);
    if (match) seen = Math.max(seen, Number(match[1]));
  }
  expect(seen).toBe(9);
  await page.clock.runFor(5_000);
  await expect(playing).toContainText('Played all 9 sounds.');
});
