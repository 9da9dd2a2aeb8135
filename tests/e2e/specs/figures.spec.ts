// Figures of the stretches: one per step on every built-in routine page, each with a text
// alternative; mirrored for the side in the player; still when the user prefers less motion.
import { test, expect } from '../support/fixtures';
import { PlayerPage } from '../support/player_page';
import { installDeviceStubs } from '../support/stubs';
import type { Page } from '@playwright/test';

const SEED = 'Strap hamstring stretch — 3:00 per leg';
const CAT_COW = 'Cat–cow — 2 × 1:00 of slow movement';

test.beforeEach(async ({ page }) => {
  await installDeviceStubs(page);
});

/** Opens a routine's page from the Routines screen. */
async function openRoutine(page: Page, name: string) {
  await page.goto('./routines');
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('every built-in routine page shows one figure per step, each with a text alternative', async ({ page }) => {
  await page.goto('./routines');
  const library = page.locator('.card-list').first();
  const names = await library.locator('.card-title').allTextContents();
  expect(names.length).toBe(8);
  for (const name of names) {
    await openRoutine(page, name);
    const steps = page.locator('ol.steps > li');
    const count = await steps.count();
    expect(count, name).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1) {
      const figures = steps.nth(index).getByRole('img');
      await expect(figures, `${name}, step ${index + 1}`).toHaveCount(1);
      const description = (await figures.getAttribute('aria-label')) ?? '';
      expect(description.trim().length, `${name}, step ${index + 1}`).toBeGreaterThan(10);
    }
  }
  await openRoutine(page, SEED);
  const hold = page.locator('ol.steps > li').nth(1).getByRole('img');
  await expect(hold).toHaveAccessibleName(
    'Lying on your back, right leg raised straight with a strap around the foot, left knee bent',
  );
  await page.getByRole('radio', { name: /Resting leg flat/ }).check();
  await expect(page.locator('ol.steps > li').nth(1).getByRole('img')).toHaveAccessibleName(
    'Lying on your back, right leg raised straight with a strap around the foot, left leg flat on the mat',
  );
});

test("the player's figure shows the side being stretched, mirrored on the left, and fits on a small phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance(25_000);
  await player.expectShowing('Right leg — hold 3:00', '3:00');
  const figure = page.locator('.player').getByRole('img');
  await expect(figure).toHaveAttribute('data-side', 'right');
  await expect(figure).toHaveAccessibleName(/^Lying on your back, right leg raised straight/);
  const right = await figure.locator('.figure-near polyline').first().getAttribute('points');

  // The figure sits above the instructions, with the timer still on screen. (Whether the
  // controls fit at 375×667 depends on the length of the instructions and the player's layout.)
  for (const element of [player.timer, figure]) {
    await expect(element).toBeInViewport({ ratio: 1 });
  }
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await player.advance(240_000);
  await player.expectShowing('Left leg — hold 3:00', '3:00');
  await expect(figure).toHaveAttribute('data-side', 'left');
  await expect(figure).toHaveAccessibleName(/^Lying on your back, left leg raised straight/);
  const left = await figure.locator('.figure-near polyline').first().getAttribute('points');
  const mirrored = (right ?? '')
    .split(' ')
    .map((point) => {
      const [x, y] = point.split(',').map(Number);
      return [-x, y];
    });
  const shown = (left ?? '').split(' ').map((point) => point.split(',').map(Number));
  expect(shown.length).toBe(4);
  shown.forEach(([x, y], index) => {
    expect(x).toBeCloseTo(mirrored[index][0], 1);
    expect(y).toBeCloseTo(mirrored[index][1], 1);
  });
  expect(left).not.toBe(right);
});

test('a movement is animated, and holds still when the user prefers reduced motion', async ({ page }) => {
  await openRoutine(page, CAT_COW);
  const moving = page.locator('ol.steps > li').nth(1).getByRole('img');
  await expect(moving).toHaveAttribute('data-moving', 'true');
  expect(await moving.locator('animate').count()).toBeGreaterThan(0);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  const still = page.locator('ol.steps > li').nth(1).getByRole('img');
  await expect(still).toHaveAttribute('data-moving', 'false');
  await expect(still.locator('animate')).toHaveCount(0);
});

test("the editor's picture picker offers every pose, follows its step and stores the choice", async ({ page }) => {
  await page.goto('./routines/strap-hamstring');
  await page.getByRole('link', { name: 'Make your own copy' }).click();
  const second = page.getByRole('group', { name: 'Step 2' });
  const picker = second.getByLabel('Picture');
  await expect(picker.locator('option')).toHaveCount(14);
  await expect(picker.locator('option').first()).toHaveText('No picture');
  await expect(picker).toHaveValue('strap-hold');
  await expect(second.getByRole('img')).toHaveAccessibleName(/^Lying on your back, right leg raised straight/);

  await picker.selectOption({ label: 'Cat–cow' });
  await expect(picker).toHaveValue('cat-cow');
  await expect(second.getByRole('img')).toHaveAccessibleName(/^On hands and knees, slowly rounding the back/);
  // Moved up, the step takes its picture along; the step now second shows its own.
  await second.getByRole('button', { name: 'Move up step 2' }).click();
  const first = page.getByRole('group', { name: 'Step 1' });
  await expect(first.getByLabel('Picture')).toHaveValue('cat-cow');
  await expect(page.getByRole('group', { name: 'Step 2' }).getByLabel('Picture')).toHaveValue('strap-setup');
  await page.getByRole('group', { name: 'Step 2' }).getByLabel('Picture').selectOption({ label: 'No picture' });
  await expect(page.getByRole('group', { name: 'Step 2' }).getByRole('img')).toHaveCount(0);

  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /\(my version\)$/ })).toBeVisible();
  const steps = page.locator('ol.steps > li');
  await expect(steps.nth(0).getByRole('img')).toHaveAccessibleName(/^On hands and knees, slowly rounding the back/);
  await expect(steps.nth(1).getByRole('img')).toHaveCount(0);
});
