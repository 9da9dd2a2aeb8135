// Hands-free for real, on the release build with the fake clock: earcons for the whole routine
// wait on the audio clock while the page is hidden; a routine survives a reload, the browser's
// Back and a closed tab; headset and lock-screen buttons pause and resume it.
import { test, expect } from '../support/fixtures';
import { PlayerPage } from '../support/player_page';
import type { Page } from '@playwright/test';
import { storedText } from '../support/seed';
import { installDeviceStubs, recordedCalls, setAudioClockRate, setPageVisibility, soundingNotes } from '../support/stubs';

const SEED = 'Strap hamstring stretch — 3:00 per leg';
// The seed with the default 5 s lead-in: get ready 0–5 s, setup 5–25 s, right hold 25–205 s,
// rest 205–265 s, left hold 265–445 s.
const HOLD_RIGHT_S = 25;

/** Every earcon of the seed: [seconds from the start, first note's frequency, wave]. */
const PLANNED: [number, number, string][] = [
  [0, 440, 'sine'],
  [5, 392, 'triangle'],
  [25, 523.25, 'triangle'],
  [115, 1318.5, 'sine'],
  [195, 880, 'sine'],
  [202, 880, 'triangle'],
  [203, 880, 'triangle'],
  [204, 880, 'triangle'],
  [205, 392, 'sine'],
  [262, 880, 'triangle'],
  [263, 880, 'triangle'],
  [264, 880, 'triangle'],
  [265, 659.25, 'triangle'],
  [355, 1318.5, 'sine'],
  [435, 880, 'sine'],
  [442, 880, 'triangle'],
  [443, 880, 'triangle'],
  [444, 880, 'triangle'],
  [445, 523.25, 'sine'],
];
const BREATH_HZ = 293.66;

test.beforeEach(async ({ page }) => {
  await installDeviceStubs(page);
  await recordMediaSession(page);
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
});

/** Keeps the Media Session's action handlers, so a test can press the headset's buttons. */
async function recordMediaSession(page: Page) {
  await page.addInitScript(() => {
    const handlers: Record<string, ((details: { action: string }) => void) | null> = {};
    const session = navigator.mediaSession;
    const original = session.setActionHandler.bind(session);
    session.setActionHandler = (action: MediaSessionAction, handler: MediaSessionActionHandler | null) => {
      handlers[action] = handler as (details: { action: string }) => void;
      original(action, handler);
    };
    (window as unknown as { __mediaHandlers: typeof handlers }).__mediaHandlers = handlers;
  });
}

async function pressMediaKey(page: Page, action: 'play' | 'pause') {
  await page.evaluate((name) => {
    const handlers = (window as unknown as { __mediaHandlers: Record<string, ((details: { action: string }) => void) | null> })
      .__mediaHandlers;
    handlers[name]?.({ action: name });
  }, action);
}

test('with the page hidden for the whole routine, every earcon is on time and none is dropped', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await setPageVisibility(page, 'hidden');
  // A hidden page is woken once a minute at best.
  for (let second = 0; second < 450; second += 60) await page.clock.fastForward(60_000);
  const calls = await recordedCalls(page);
  const notes = soundingNotes(calls);
  const anchor = notes[0].start;
  for (const [atS, frequency, type] of PLANNED) {
    const match = notes.find(
      (note) => Math.abs(note.frequency - frequency) < 0.01 && note.type === type && Math.abs(note.start - anchor - atS) <= 0.02,
    );
    expect(match, `the ${type} ${frequency} Hz earcon at ${atS} s`).toBeDefined();
    // Scheduled at the start, long before it sounds (never from a late wake-up).
    if (atS > 1) expect(match!.requestedAt - anchor).toBeLessThan(1);
  }
  // Soft breaths keep a long hold from being silent for more than 15 s.
  const breaths = notes.filter((note) => Math.abs(note.frequency - BREATH_HZ) < 0.01).map((note) => note.start - anchor);
  expect(breaths.filter((at) => at > HOLD_RIGHT_S && at < 115).length).toBeGreaterThanOrEqual(5);
  await setPageVisibility(page, 'visible');
  await expect(player.phaseTitle).toHaveText('Done. Well done.');
});

test('when the audio clock drifts behind the page clock, pending earcons are moved and none is dropped', async ({ page }) => {
  const player = new PlayerPage(page);
  // 0.2 % slow: almost a second behind by the end of the routine if nothing were moved.
  const rate = 0.998;
  await setAudioClockRate(page, rate);
  await player.startFromRoutines(SEED);
  await setPageVisibility(page, 'hidden');
  // A hidden page's timers fire late: wake it only 5 ms after each cue is due, when that
  // cue's earcon, put on the slow audio clock at the wake-up before, has not begun yet.
  let elapsedMs = 0;
  for (const [atS] of PLANNED.slice(1)) {
    await page.clock.fastForward(atS * 1000 + 5 - elapsedMs);
    elapsedMs = atS * 1000 + 5;
  }
  await page.clock.fastForward(5_000);
  const calls = await recordedCalls(page);
  const notes = soundingNotes(calls);
  // Where each note is heard on the page clock: when the slow audio clock reaches its start.
  const heardMs = (note: { start: number }) => (note.start * 1000) / rate;
  const zero = heardMs(notes[0]);
  for (const [atS, frequency, type] of PLANNED.slice(1)) {
    const match = notes.filter(
      (note) => Math.abs(note.frequency - frequency) < 0.01 && note.type === type && Math.abs(heardMs(note) - zero - atS * 1000) <= 20,
    );
    expect(match.length, `the ${type} ${frequency} Hz earcon at ${atS} s, heard within 20 ms, once`).toBe(1);
  }
  await setPageVisibility(page, 'visible');
  await expect(player.phaseTitle).toHaveText('Done. Well done.');
});

test('a pause cancels every earcon scheduled ahead, and resuming schedules them again', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance((HOLD_RIGHT_S + 30) * 1000);
  await player.button('Pause').click();
  await expect(player.button('Resume')).toBeVisible();
  let calls = await recordedCalls(page);
  const nowS = (await page.evaluate(() => performance.now()) - calls.audioEpochMs!) / 1000;
  expect(soundingNotes(calls).filter((note) => note.start > nowS + 0.05)).toEqual([]);
  await player.button('Resume').click();
  await player.advance(1_000);
  calls = await recordedCalls(page);
  const done = soundingNotes(calls).filter((note) => Math.abs(note.frequency - 523.25) < 0.01 && note.type === 'sine');
  expect(done).toHaveLength(1);
});

test('a reload mid-hold offers to resume at the exact point, with the cues from there on', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance((HOLD_RIGHT_S + 72) * 1000);
  await player.expectShowing('Right leg — hold 3:00', '1:48');

  await page.reload();
  const offer = page.getByRole('button', { name: 'Resume — 1:48 left on the right leg', exact: true });
  await expect(offer).toBeVisible();
  await player.advance(5_000);
  // Reopened, it waits paused where the deadlines put it.
  await player.expectShowing('Right leg — hold 3:00', '1:48');
  await offer.click();
  await expect(player.button('Pause')).toBeVisible();
  await player.advance(1_000);
  await player.expectShowing('Right leg — hold 3:00', '1:47');
  await player.advance(20_000);
  const calls = await recordedCalls(page);
  // No burst of old cues: only the halfway (due 18 s after resuming) was spoken.
  expect(calls.speech.map((entry) => entry.text)).toEqual(['Halfway.']);
});

test('Back mid-hold asks first; staying keeps the routine running, leaving lets Today resume it', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance((HOLD_RIGHT_S + 10) * 1000);

  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.evaluate(() => history.back());
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toContain('Leave the routine?');
  await expect(player.button('Pause')).toBeVisible();
  await player.advance(1_000);
  await player.expectShowing('Right leg — hold 3:00', '2:49');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.evaluate(() => history.back());
  await expect(page.getByRole('heading', { level: 1, name: SEED })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('button', { name: 'Resume — 2:49 left on the right leg', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Resume — 2:49 left on the right leg', exact: true }).click();
  await player.advance(1_000);
  await player.expectShowing('Right leg — hold 3:00', '2:48');
});

test('reopened after its end, the routine is recorded as partial with the time held', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance((HOLD_RIGHT_S + 100) * 1000);
  // The phone locks (the position is kept), then the browser kills the tab.
  await setPageVisibility(page, 'hidden');
  // Another page stands for the closed tab: the app does not run meanwhile.
  await page.goto('data:text/html,<title>Another app</title>');
  await page.clock.fastForward(600_000);

  await page.goto('./');
  await expect(page.getByRole('status').filter({ hasText: 'ended while Limber was closed' })).toHaveText(
    `${SEED} ended while Limber was closed: saved as a partial session, 1:40 held.`,
  );
  const sessions = async () => JSON.parse((await storedText(page)) ?? '{}').sessions ?? [];
  await expect.poll(async () => (await sessions()).length).toBe(1);
  const [session] = await sessions();
  expect(session.completed).toBe(false);
  expect(session.held).toEqual([expect.objectContaining({ side: 'right', seconds: 100 })]);
  expect(await page.evaluate(() => localStorage.getItem('limber:running-session'))).toBeNull();
  // Said once: opening Today again offers nothing.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByText('ended while Limber was closed')).toHaveCount(0);
});

test('headset and lock-screen play/pause pause and resume; the lock screen shows the step and side', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance((HOLD_RIGHT_S + 5) * 1000);
  const lockScreen = () =>
    page.evaluate(() => ({
      title: navigator.mediaSession.metadata?.title,
      artist: navigator.mediaSession.metadata?.artist,
      album: navigator.mediaSession.metadata?.album,
      state: navigator.mediaSession.playbackState,
    }));
  expect(await lockScreen()).toEqual({ title: 'Right leg — hold 3:00', artist: 'Strap hamstring hold', album: SEED, state: 'playing' });

  await pressMediaKey(page, 'pause');
  await expect(player.button('Resume')).toBeVisible();
  await player.advance(10_000);
  await player.expectShowing('Right leg — hold 3:00', '2:55');
  expect((await lockScreen()).state).toBe('paused');

  await pressMediaKey(page, 'play');
  await expect(player.button('Pause')).toBeVisible();
  await player.advance(1_000);
  await player.expectShowing('Right leg — hold 3:00', '2:54');
});

for (const clock of ['fake clock', 'real time'] as const) {
  test(`starting, leaving and starting again several times leaves no stray timer (${clock})`, async ({ page }) => {
    test.setTimeout(120_000);
    if (clock === 'real time') await page.clock.resume();
    const wait = (ms: number) => (clock === 'fake clock' ? page.clock.runFor(ms) : page.waitForTimeout(ms));
    await page.goto('./');
    page.on('dialog', (dialog) => void dialog.accept());
    for (let round = 0; round < 3; round += 1) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routines' }).click();
      await page.getByRole('link', { name: SEED }).click();
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await expect(page.getByRole('timer')).toBeVisible();
      await wait(1_300);
      await page.evaluate(() => history.back());
      await expect(page.getByRole('heading', { level: 1, name: SEED })).toBeVisible();
      // The timer the player had armed is due now: it must have been cancelled.
      await wait(1_300);
    }
  });
}
