// The player as a person lying on a mat meets it (issue 15), on the release build with the
// fake clock: everything needed fits on the screen at phone sizes in light and dark, it names
// the exercise and round, a rest looks unlike a hold, Stop asks first, the end screen is a
// record, and Today's Start remembers the variant.
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { PlayerPage } from '../support/player_page';
import { installDeviceStubs } from '../support/stubs';

const SEED = 'Strap hamstring stretch — 3:00 per leg';
const KNEE = 'Single knee-to-chest — 30 s × 2 per side';

test.beforeEach(async ({ page }) => {
  await installDeviceStubs(page);
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
});

/** Fails unless `locator`'s box lies wholly inside the viewport. */
async function expectOnScreen(page: Page, name: string, box: { x: number; y: number; width: number; height: number } | null) {
  const viewport = page.viewportSize()!;
  expect(box, `${name} is laid out`).not.toBeNull();
  expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${name} bottom within ${viewport.height}`).toBeLessThanOrEqual(viewport.height + 0.5);
  expect(box!.x, `${name} left`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${name} right`).toBeLessThanOrEqual(viewport.width + 0.5);
}

const SIZES = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
];

for (const scheme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    test(`at ${size.width}×${size.height} (${scheme}) the timer, the step and Pause/Resume fit without scrolling`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      const player = new PlayerPage(page);
      await player.startFromRoutines(SEED);
      await player.advance(25_000 + 10_000);
      await player.expectShowing('Right leg — hold 3:00', '2:50');
      const check = async (control: string) => {
        // Nothing to scroll: the page is no taller than the screen, and it is not scrolled.
        const { scrollHeight, innerHeight, scrollY } = await page.evaluate(() => ({
          scrollHeight: document.documentElement.scrollHeight,
          innerHeight: window.innerHeight,
          scrollY: window.scrollY,
        }));
        expect(scrollHeight, 'page height').toBeLessThanOrEqual(innerHeight);
        expect(scrollY).toBe(0);
        await expectOnScreen(page, 'timer', await player.timer.boundingBox());
        await expectOnScreen(page, 'step', await player.phaseTitle.boundingBox());
        await expectOnScreen(page, control, await player.button(control).boundingBox());
      };
      await check('Pause');
      await player.button('Pause').click();
      await check('Resume');
      // A rest fits as well.
      await player.button('Resume').click();
      await page.keyboard.press('ArrowRight');
      await player.expectShowing('Rest 1:00', '1:00');
      await check('Pause');
    });
  }
}

test('the player names the exercise and round, a rest looks unlike a hold, "Next" is said once', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(KNEE);
  await player.advance(5_000);
  const exercise = page.locator('.player-exercise');
  const kind = page.locator('.phase-kind');
  await player.expectShowing('Right leg — hold 0:30', '0:30');
  await expect(exercise).toHaveText('Knee to chest — round 1 of 2');
  await expect(kind).toHaveText('Hold');
  const holdColour = await player.timer.evaluate((element) => getComputedStyle(element).color);
  const holdBadge = await kind.evaluate((element) => getComputedStyle(element).backgroundColor);

  // The rest between sides: other words, another colour.
  await player.advance(30_000);
  await player.expectShowing('Rest 0:10', '0:10');
  await expect(kind).toHaveText('Rest — let go');
  expect(await player.timer.evaluate((element) => getComputedStyle(element).color)).not.toBe(holdColour);
  expect(await kind.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(holdBadge);
  // What comes next is said once, not also in the instructions.
  await expect(page.getByText(/Next:/)).toHaveCount(1);
  await expect(player.next).toHaveText('Next: Left leg — hold 0:30');

  // Second round of the same exercise.
  await player.advance(10_000 + 30_000 + 10_000);
  await player.expectShowing('Right leg — hold 0:30', '0:30');
  await expect(exercise).toHaveText('Knee to chest — round 2 of 2');

  // The progress bar has a name and a value.
  const progress = page.getByRole('progressbar', { name: 'Routine progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(progress).toHaveAttribute('aria-valuetext', /^\d+% done$/);
});

test('Stop asks first: "Keep going" carries on, "Yes, stop" ends the session', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance(25_000 + 5_000);
  await player.expectShowing('Right leg — hold 3:00', '2:55');

  await player.button('Stop').click();
  const confirm = page.getByRole('group', { name: 'Stop this session?' });
  await expect(confirm).toBeVisible();
  // The session runs on while the question is asked.
  await player.advance(2_000);
  await player.expectShowing('Right leg — hold 3:00', '2:53');
  await confirm.getByRole('button', { name: 'Keep going' }).click();
  await expect(confirm).toBeHidden();
  await expect(player.button('Pause')).toBeVisible();
  await expect(player.phaseTitle).toHaveText('Right leg — hold 3:00');

  await player.button('Stop').click();
  await page.getByRole('button', { name: 'Yes, stop' }).click();
  await expect(player.phaseTitle).toHaveText('Stopped.');
});

test('the end screen: time held per leg, before and after side by side, the rating, Done', async ({ page }) => {
  // A check-in before the routine.
  await page.goto('./');
  await page.getByRole('group', { name: 'How is your back right now?' }).getByRole('button', { name: '6', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 6/10' })).toBeVisible();

  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  for (const ms of [25_000, 90_000, 90_000, 60_000, 90_000, 90_000]) await player.advance(ms);
  await expect(player.phaseTitle).toHaveText('Done. Well done.');
  const record = page.getByRole('region', { name: 'This session' });
  await expect(record.getByText('Right leg', { exact: true })).toBeVisible();
  await expect(record.getByText('Left leg', { exact: true })).toBeVisible();
  await expect(record.locator('.held-per-side dd')).toHaveText(['3:00', '3:00']);
  await expect(record.locator('.before-after dd')).toHaveText(['6/10', '—']);

  const rating = page.getByRole('group', { name: 'How is your back now?' });
  await rating.getByRole('button', { name: '3', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved: pain 3/10.');
  await expect(record.locator('.before-after dd')).toHaveText(['6/10', '3/10']);
  await expect(rating.getByRole('button', { name: '3', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});

test("Today's Start plays the routine and the variant used last", async ({ page }) => {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routines' }).click();
  await page.getByRole('link', { name: SEED }).click();
  await page.getByRole('radio', { name: 'Resting leg flat' }).check();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const player = new PlayerPage(page);
  await player.advance(5_000 + 20_000 + 10_000);
  await player.expectShowing('Right leg — hold 3:00', '2:50');
  await player.button('Stop').click();
  await page.getByRole('button', { name: 'Yes, stop' }).click();
  await expect(player.phaseTitle).toHaveText('Stopped.');

  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.locator('.today-routine')).toContainText('Resting leg flat');
  // Another day: the app opens afresh.
  await page.reload();
  await expect(page.locator('.today-routine')).toContainText('Resting leg flat');
  await page.locator('.today-routine').getByRole('button', { name: 'Start', exact: true }).click();
  await expect(player.timer).toBeVisible();
  await expect(page).toHaveURL(/variant=leg-flat/);
  await player.advance(5_000 + 20_000);
  await expect(page.locator('.instructions')).toContainText('Keep the resting leg straight and flat');
});
