// Cues you can follow with your eyes closed, on the release build: Web Audio, speech and
// vibration are stubbed and record every call; the fake clock runs the seed routine.
import { test, expect } from '../support/fixtures';
import { PlayerPage } from '../support/player_page';
import { installDeviceStubs, recordedCalls, setPageVisibility, soundingNotes, type RecordedCalls } from '../support/stubs';

const SEED = 'Strap hamstring stretch — 3:00 per leg';
// The seed with the default 5 s lead-in: get ready 0–5 s, setup 5–25 s, right hold 25–205 s,
// rest 205–265 s, left hold 265–445 s.
const HOLD_RIGHT_S = 25;
const REST_S = 205;
const SWITCH_S = 265;
const DONE_S = 445;
const C5 = 523.25;
const G4 = 392;
const E5 = 659.25;

test.beforeEach(async ({ page }) => {
  await installDeviceStubs(page);
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
});

/** Seconds since the routine started, on the page clock. */
function secondsSinceStart(calls: RecordedCalls, atMs: number) {
  return (atMs - (calls.audioEpochMs ?? 0)) / 1000;
}

/** The sounding note of this pitch and wave that starts nearest to `atS` on the audio clock. */
function noteNear(calls: RecordedCalls, frequency: number, type: string, atS: number) {
  const candidates = soundingNotes(calls).filter(
    (note) => Math.abs(note.frequency - frequency) < 0.01 && note.type === type,
  );
  return candidates.sort((a, b) => Math.abs(a.start - atS) - Math.abs(b.start - atS))[0];
}

test('every phase change is heard, spoken and felt, on time and once', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  for (let second = 0; second < DONE_S + 2; second += 10) await player.advance(10_000);
  const calls = await recordedCalls(page);
  expect(calls.audioContexts).toBe(1);

  // Earcons are scheduled ahead on the audio clock and land within 5 ms of their cue.
  for (const [frequency, type, atS] of [
    [C5, 'triangle', HOLD_RIGHT_S],
    [G4, 'sine', REST_S],
    [E5, 'triangle', SWITCH_S],
    [C5, 'sine', DONE_S],
  ] as const) {
    const note = noteNear(calls, frequency, type, atS);
    expect(note, `a ${type} ${frequency} Hz note near ${atS} s`).toBeDefined();
    expect(Math.abs(note.start - atS)).toBeLessThanOrEqual(0.005);
    expect(note.requestedAt, 'scheduled ahead of time').toBeLessThan(note.start);
  }

  // The words, in order, each once.
  const texts = calls.speech.map((entry) => entry.text);
  const spokenInOrder = [
    'Get ready. Strap setup starts in five seconds.',
    'Right leg. Hold for three minutes.',
    'Halfway.',
    'Ten seconds.',
    'Rest for one minute.',
    'Switch to your left leg. Hold for three minutes.',
    'Halfway.',
    'Ten seconds.',
    'Done. How is your back now?',
  ];
  expect(texts.filter((text) => spokenInOrder.includes(text))).toEqual(spokenInOrder);
  expect(new Set(texts.filter((text) => text !== 'Halfway.' && text !== 'Ten seconds.')).size).toBe(
    texts.filter((text) => text !== 'Halfway.' && text !== 'Ten seconds.').length,
  );

  // "Left" is spoken at the switch, not before.
  const switchWords = calls.speech.find((entry) => entry.text.startsWith('Switch to your left leg'))!;
  expect(secondsSinceStart(calls, switchWords.at)).toBeCloseTo(SWITCH_S, 1);
  const firstLeft = calls.speech.findIndex((entry) => /left/i.test(entry.text));
  expect(calls.speech[firstLeft]).toBe(switchWords);

  // A different vibration for each kind of cue, felt at the same moments.
  const patterns = calls.vibrate.map((entry) => entry.pattern.join(','));
  expect(patterns).toContain('400');
  expect(patterns).toContain('200,100,200,100,200');
  expect(patterns).toContain('150,100,150');
  expect(patterns).toContain('600,150,600');
  const switchBuzz = calls.vibrate.find((entry) => entry.pattern.join(',') === '200,100,200,100,200')!;
  expect(secondsSinceStart(calls, switchBuzz.at)).toBeCloseTo(SWITCH_S, 1);

  // No earcon sounds twice: every sounding note starts at a distinct time.
  const starts = soundingNotes(calls).map((note) => note.start.toFixed(3));
  expect(new Set(starts).size).toBe(starts.length);
});

test('nothing fires during a pause, and cues after it move by the pause', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance((HOLD_RIGHT_S + 30) * 1000);
  await player.button('Pause').click();
  const before = await recordedCalls(page);
  await player.advance(60_000);
  const during = await recordedCalls(page);
  expect(during.speech.length).toBe(before.speech.length);
  expect(during.vibrate.length).toBe(before.vibrate.length);
  const pausedFromS = HOLD_RIGHT_S + 30;
  expect(soundingNotes(during).filter((note) => note.start > pausedFromS && note.start < pausedFromS + 60)).toEqual([]);

  await player.button('Resume').click();
  await player.advance(60_000 + 1_000);
  const after = await recordedCalls(page);
  const halfway = after.speech.filter((entry) => entry.text === 'Halfway.');
  expect(halfway).toHaveLength(1);
  // Halfway was due 90 s into the hold; the 60 s pause moves it to 150 s.
  expect(secondsSinceStart(after, halfway[0].at)).toBeCloseTo(HOLD_RIGHT_S + 150, 1);
});

test('skip and back move the cues, and none repeats without a reason', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance((HOLD_RIGHT_S + 5) * 1000);
  await player.button('Skip').click();
  await player.advance(100);
  let calls = await recordedCalls(page);
  expect(calls.speech.at(-1)?.text).toBe('Rest for one minute.');
  await player.advance(3_000);
  await player.button('Back').click();
  await player.advance(100);
  calls = await recordedCalls(page);
  // Back restarts the rest: it is announced again, once.
  expect(calls.speech.filter((entry) => entry.text === 'Rest for one minute.')).toHaveLength(2);
  await player.advance(60_000);
  calls = await recordedCalls(page);
  expect(calls.speech.filter((entry) => entry.text.startsWith('Switch to your left leg'))).toHaveLength(1);
});

test('after ten minutes hidden there is no burst of stale cues', async ({ page }) => {
  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  await player.advance((HOLD_RIGHT_S + 60) * 1000);
  const before = await recordedCalls(page);

  await setPageVisibility(page, 'hidden');
  await page.clock.fastForward(10 * 60_000);
  await setPageVisibility(page, 'visible');
  await player.advance(1_000);
  await expect(player.phaseTitle).toHaveText('Done. Well done.');

  const after = await recordedCalls(page);
  const newSpeech = after.speech.slice(before.speech.length).map((entry) => entry.text);
  expect(newSpeech).toEqual(['Done. How is your back now?']);
  const newBuzz = after.vibrate.slice(before.vibrate.length).map((entry) => entry.pattern.join(','));
  expect(newBuzz).toEqual(['600,150,600']);
});

test('Settings has every cue setting, persisted, and Test sounds plays each earcon', async ({ page }) => {
  await page.goto('settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  for (const name of ['Sounds', 'Voice cues', 'Vibration', 'Countdown beeps', 'Halfway cue']) {
    await expect(page.getByRole('checkbox', { name, exact: true })).toBeChecked();
  }
  await expect(page.getByLabel('Volume')).toBeVisible();
  await expect(page.getByLabel('Voice', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Speech rate')).toBeVisible();
  await expect(page.getByLabel('Lead-in (seconds)')).toHaveValue('5');

  await page.getByRole('checkbox', { name: 'Halfway cue', exact: true }).uncheck();
  await page.getByLabel('Lead-in (seconds)').fill('10');
  await page.getByLabel('Lead-in (seconds)').press('Tab');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Halfway cue', exact: true })).not.toBeChecked();
  await expect(page.getByLabel('Lead-in (seconds)')).toHaveValue('10');

  await page.getByRole('button', { name: 'Test sounds' }).click();
  const calls = await recordedCalls(page);
  expect(calls.notes.length).toBeGreaterThanOrEqual(9);
  expect(calls.speech.map((entry) => entry.text)).toContain('Right leg. Hold for three minutes.');
});

test('without speech voices, Settings says so and the tones carry the cues', async ({ page }) => {
  await page.context().clearCookies();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined });
  });
  await page.goto('settings');
  await expect(page.getByText('This device has no speech voice')).toBeVisible();
});
