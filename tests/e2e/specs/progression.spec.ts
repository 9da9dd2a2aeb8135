// A growing hold on the release build: a copy of the seed routine whose hold starts at 0:30
// and grows 10 s per completed session; the player plans with today's target.
import { test, expect } from '../support/fixtures';
import { PlayerPage } from '../support/player_page';
import { installDeviceStubs } from '../support/stubs';

const MINE = 'Strap hamstring — growing';

test.beforeEach(async ({ page }) => {
  await installDeviceStubs(page);
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
});

test('a hold grows by 10 s after each completed session', async ({ page }) => {
  await page.goto('routines/strap-hamstring');
  await page.getByRole('link', { name: 'Make your own copy' }).click();
  await page.getByLabel('Name', { exact: true }).fill(MINE);

  const section = page.getByRole('group', { name: 'Grow a hold over time' });
  await section.getByLabel('Let one hold grow').check();
  await section.getByLabel('Step that grows').selectOption({ label: 'Step 2: Strap hamstring hold' });
  await section.getByLabel('Start (seconds)').fill('30');
  await section.getByLabel('Grow by (seconds)').fill('10');
  await section.getByLabel('Grows', { exact: true }).selectOption({ label: 'Per completed session' });
  await section.getByLabel('Goal (seconds)').fill('20');
  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(section.getByText('Step 2: the goal, 0:20, is shorter than the start, 0:30.')).toBeVisible();
  await section.getByLabel('Goal (seconds)').fill('180');
  await page.getByRole('button', { name: 'Save routine' }).click();

  await expect(page.getByRole('heading', { level: 1, name: MINE })).toBeVisible();
  await expect(page.getByText('Target today: 0:30 (growing 10 s per session to 3:00)')).toBeVisible();

  const player = new PlayerPage(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByText('Target today: 0:30 (growing 10 s per session to 3:00)')).toBeVisible();
  await player.advance(5_000 + 20_000);
  await player.expectShowing('Right leg — hold 0:30', '0:30');
  await expect(page.getByText('Target today: 0:30 (growing 10 s per session to 3:00)')).toBeVisible();
  await player.advance(30_000 + 60_000 + 30_000);
  await expect(player.phaseTitle).toHaveText('Done. Well done.');

  await player.startFromRoutines(MINE);
  await expect(page.getByText('Target today: 0:40 (growing 10 s per session to 3:00)')).toBeVisible();
  await player.advance(5_000 + 20_000);
  await player.expectShowing('Right leg — hold 0:40', '0:40');
});
