// The hands-free player on the release build, driven by Playwright's fake clock: the whole
// seed routine runs in seconds, and what the player shows is checked at each moment.
import { test, expect } from '../support/fixtures';
import { PlayerPage } from '../support/player_page';
import { storedText } from '../support/seed';
import { installDeviceStubs, recordedCalls, setPageVisibility } from '../support/stubs';

const SEED = 'Strap hamstring stretch — 3:00 per leg';

test.beforeEach(async ({ page }) => {
  await installDeviceStubs(page);
  // Fake time that moves only when the test says so.
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
});

test('the seed routine runs start to finish with the right phases and times', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);

  // 0:00 — the lead-in counts down before anything else.
  await player.expectShowing('Get ready', '0:05');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await player.advance(5_000);
  await player.expectShowing('Strap setup — 0:20', '0:20');
  await player.advance(20_000);

  // The right leg first, three minutes.
  await player.expectShowing('Right leg — hold 3:00', '3:00');
  await expect(player.next).toHaveText('Next: Rest 1:00');
  await player.advance(1_000);
  await player.expectShowing('Right leg — hold 3:00', '2:59');
  await player.advance(178_000);
  await player.expectShowing('Right leg — hold 3:00', '0:01');

  // The switch: rest, then the left leg.
  await player.advance(1_000);
  await player.expectShowing('Rest 1:00', '1:00');
  await expect(player.next).toHaveText('Next: Left leg — hold 3:00');
  await player.advance(30_000);
  await player.expectShowing('Rest 1:00', '0:30');
  await player.advance(30_000);
  await player.expectShowing('Left leg — hold 3:00', '3:00');
  await player.advance(90_000);
  await player.expectShowing('Left leg — hold 3:00', '1:30');

  // The end: the session is stored and the player asks how the back is.
  await player.advance(90_000);
  await expect(player.phaseTitle).toHaveText('Done. Well done.');
  const rating = page.getByRole('group', { name: 'How is your back now?' });
  await rating.getByRole('button', { name: '3', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved: pain 3/10.');

  const stored = JSON.parse((await storedText(page)) ?? '{}');
  expect(stored.sessions).toHaveLength(1);
  const session = stored.sessions[0];
  expect(session.routine_id).toBe('strap-hamstring');
  expect(session.completed).toBe(true);
  expect(session.variant_id).toBe('knee-bent');
  const held = Object.fromEntries(session.held.map((h: { side: string; seconds: number }) => [h.side, h.seconds]));
  expect(held).toEqual({ right: 180, left: 180 });
  expect(stored.entries).toHaveLength(1);
  expect(stored.entries[0].pain).toBe(3);
  expect(stored.entries[0].context).toMatchObject({ session_id: session.id });
});

test('pausing for 30 seconds does not advance the timer', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance(25_000 + 10_000);
  await player.expectShowing('Right leg — hold 3:00', '2:50');

  await player.button('Pause').click();
  await expect(player.button('Resume')).toBeVisible();
  await player.advance(30_000);
  await player.expectShowing('Right leg — hold 3:00', '2:50');

  await player.button('Resume').click();
  await player.advance(5_000);
  await player.expectShowing('Right leg — hold 3:00', '2:45');
});

test('a hidden tab shows the exact remaining time on return', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance(25_000 + 60_000);
  await player.expectShowing('Right leg — hold 3:00', '2:00');

  await setPageVisibility(page, 'hidden');
  // The phone is locked: time jumps without animation frames.
  await page.clock.fastForward(90_000);
  await setPageVisibility(page, 'visible');
  await player.expectShowing('Right leg — hold 3:00', '0:30');

  // A long absence lands in the right later phase, not behind.
  await setPageVisibility(page, 'hidden');
  await page.clock.fastForward(60_000);
  await setPageVisibility(page, 'visible');
  await player.expectShowing('Rest 1:00', '0:30');
});

test('the controls: tap to pause, keyboard, back, skip and stop', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance(25_000 + 5_000);
  await player.expectShowing('Right leg — hold 3:00', '2:55');

  // Tapping anywhere that is not a control pauses.
  await player.timer.click();
  await expect(player.button('Resume')).toBeVisible();
  // Space resumes (focus on the page, not a control).
  await page.locator('body').focus();
  await page.keyboard.press('Space');
  await expect(player.button('Pause')).toBeVisible();

  // Right arrow skips to the rest; left arrow goes back to the start of the hold.
  await page.keyboard.press('ArrowRight');
  await player.expectShowing('Rest 1:00', '1:00');
  await player.advance(3_000);
  await page.keyboard.press('ArrowLeft');
  await player.expectShowing('Rest 1:00', '1:00');
  await player.button('Skip').click();
  await player.expectShowing('Left leg — hold 3:00', '3:00');
  await player.button('Back').click();
  await player.expectShowing('Rest 1:00', '1:00');

  await player.button('Stop').click();
  await player.button('Yes, stop').click();
  await expect(player.phaseTitle).toHaveText('Stopped.');
  await expect(page.getByRole('group', { name: 'How is your back now?' })).toBeVisible();
});

test('the screen is kept awake while running and released on pause and finish', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance(1_000);
  let calls = await recordedCalls(page);
  expect(calls.wakeLock.map((call) => call.action)).toEqual(['request']);

  await player.button('Pause').click();
  await expect(player.button('Resume')).toBeVisible();
  calls = await recordedCalls(page);
  expect(calls.wakeLock.map((call) => call.action)).toEqual(['request', 'release']);

  await player.button('Resume').click();
  await player.advance(1_000);
  await player.button('Stop').click();
  await player.button('Yes, stop').click();
  await expect(player.phaseTitle).toHaveText('Stopped.');
  calls = await recordedCalls(page);
  expect(calls.wakeLock.map((call) => call.action)).toEqual(['request', 'release', 'request', 'release']);
});
