// Cue timing as a person hears it: a recorder installed in the page before the app loads, and
// each cue's error against its planned time on the page clock. The plan's zero is where the
// app put it: its first stored checkpoint of the running session (`limber:running-session`,
// written as the routine starts) says it was at plan position `p` at wall-clock time `w`, so
// the plan started at `w - p` (on the page clock, `w - p - performance.timeOrigin`), and a cue
// planned `at_ms` into the routine is due `at_ms` after that (the time from the Start tap to
// that zero is printed apart). An earcon's time is where its first note is heard: the audio clock is put on
// the page clock with `getOutputTimestamp()` pairs sampled every second and at every note. A
// spoken cue's time is when the app asked to speak (speech is recorded by a stub). The lead-in
// sounds at the tap itself, while the audio device is still starting: it is reported on its
// own and left out of the figures.
import type { BrowserContext, Page } from '@playwright/test';
import { round, type Figure, type PlannedCue } from './results';

/** What the recorder keeps, read back with [`readRecorded`]. */
export interface Recorded {
  notes: { when: number; frequency: number; type: string; cancelled: boolean }[];
  pairs: { contextTime: number; performanceTime: number }[];
  speech: { text: string; at: number }[];
  hiddenAt: number[];
  tapAt: number | null;
  planZero: number | null;
}

/** One cue's error, in ms (late is positive); `null` when it never sounded. */
export interface CueError {
  kind: string;
  planned_ms: number;
  error_ms: number | null;
}

/** The soft breath tone is not a cue a person follows: it has no figure. */
const BREATH = 'Breath';
/** Farthest a note may be from its due time and still count as that cue's. */
const MATCH_WINDOW_MS = 2_000;

/** Records notes, audio↔page clock pairs, speech requests, visibility changes and the Start tap. */
export async function installRecorder(context: BrowserContext) {
  await context.addInitScript(() => {
    const recorded = {
      notes: [] as Record<string, unknown>[],
      pairs: [] as Record<string, number>[],
      speech: [] as Record<string, unknown>[],
      hiddenAt: [] as number[],
      tapAt: null as number | null,
      planZero: null as number | null,
    };
    (window as unknown as { __cueTiming: typeof recorded }).__cueTiming = recorded;
    document.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element | null)?.closest?.('button');
        if (button && button.textContent?.trim() === 'Start' && recorded.tapAt === null) recorded.tapAt = event.timeStamp;
      },
      true,
    );
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (key === 'limber:running-session' && recorded.planZero === null) {
        const { saved, checkpoint } = JSON.parse(value);
        if (checkpoint.status === 'running') recorded.planZero = saved.utc_ms - checkpoint.position_ms - performance.timeOrigin;
      }
      return setItem.call(this, key, value);
    };
    const contexts: AudioContext[] = [];
    const pair = (context: AudioContext) => {
      const stamp = context.getOutputTimestamp();
      if (stamp.performanceTime) recorded.pairs.push({ contextTime: stamp.contextTime!, performanceTime: stamp.performanceTime });
    };
    const Original = AudioContext;
    window.AudioContext = class extends Original {
      constructor(options?: AudioContextOptions) {
        super(options);
        contexts.push(this);
      }
    };
    setInterval(() => contexts.forEach(pair), 1_000);
    const start = OscillatorNode.prototype.start;
    const stop = OscillatorNode.prototype.stop;
    const notes = new WeakMap<OscillatorNode, Record<string, unknown>>();
    OscillatorNode.prototype.start = function (this: OscillatorNode, when = 0) {
      pair(this.context as AudioContext);
      const note = { when, frequency: this.frequency.value, type: this.type, cancelled: false };
      notes.set(this, note);
      recorded.notes.push(note);
      return start.call(this, when);
    };
    OscillatorNode.prototype.stop = function (this: OscillatorNode, when = 0) {
      const note = notes.get(this);
      const now = this.context.currentTime;
      if (note && (note.when as number) > now && when <= now) note.cancelled = true;
      return stop.call(this, when);
    };
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') recorded.hiddenAt.push(performance.now());
    });
    const voice = { name: 'Bench Voice', lang: 'en-GB', default: true, localService: true, voiceURI: 'bench' };
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speak(utterance: SpeechSynthesisUtterance) {
          if (utterance.text) recorded.speech.push({ text: utterance.text, at: performance.now() });
        },
        cancel() {},
        getVoices: () => [voice],
        addEventListener() {},
        removeEventListener() {},
        pending: false,
        speaking: false,
        paused: false,
      },
    });
  });
}

/** What the recorder kept in `page`. */
export async function readRecorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => (window as unknown as { __cueTiming: Recorded }).__cueTiming);
}

/** Every cue's error against the plan: earcons (lead-in apart) and speech. */
export function cueErrors(planned: PlannedCue[], recorded: Recorded) {
  if (recorded.tapAt === null) throw new Error('no Start tap recorded');
  if (recorded.planZero === null) throw new Error('the running session was never stored');
  if (!recorded.pairs.length) throw new Error('no audio output timestamps: the audio clock cannot be placed');
  const zero = recorded.planZero;
  const heardAt = (when: number) => {
    const nearest = recorded.pairs.reduce((best, pair) =>
      Math.abs(pair.contextTime - when) < Math.abs(best.contextTime - when) ? pair : best,
    );
    return nearest.performanceTime + (when - nearest.contextTime) * 1000;
  };
  const sounding = recorded.notes.filter((note) => !note.cancelled);
  const used = new Set<number>();
  const earcons: CueError[] = planned
    .filter((cue) => cue.kind !== BREATH)
    .map((cue) => {
      const due = zero + cue.at_ms;
      let best = -1;
      let bestError = Infinity;
      sounding.forEach((note, index) => {
        if (used.has(index) || Math.abs(note.frequency - cue.frequency_hz) > 0.01 || note.type !== cue.waveform) return;
        const error = heardAt(note.when) - due;
        if (Math.abs(error) < Math.abs(bestError)) [best, bestError] = [index, error];
      });
      if (best < 0 || Math.abs(bestError) > MATCH_WINDOW_MS) return { kind: cue.kind, planned_ms: cue.at_ms, error_ms: null };
      used.add(best);
      return { kind: cue.kind, planned_ms: cue.at_ms, error_ms: round(bestError) };
    });
  let from = 0;
  const speech: CueError[] = planned
    .filter((cue) => cue.words)
    .map((cue) => {
      const index = recorded.speech.findIndex((entry, at) => at >= from && entry.text === cue.words);
      if (index < 0) return { kind: cue.kind, planned_ms: cue.at_ms, error_ms: null };
      from = index + 1;
      return { kind: cue.kind, planned_ms: cue.at_ms, error_ms: round(recorded.speech[index].at - zero - cue.at_ms) };
    });
  const breaths = sounding.filter((note) => planned.some((cue) => cue.kind === BREATH && Math.abs(note.frequency - cue.frequency_hz) < 0.01)).length;
  return { earcons, speech, breaths, tap_to_start_ms: round(zero - recorded.tapAt) };
}

/** A figure of absolute errors after the lead-in; a dropped cue (never played) makes it fail loudly. */
export function errorFigure(entries: CueError[]): Figure {
  const afterLeadIn = entries.filter((entry) => entry.planned_ms > 0);
  const dropped = afterLeadIn.filter((entry) => entry.error_ms === null);
  if (dropped.length) return { na: `dropped: ${dropped.map((entry) => `${entry.kind}@${entry.planned_ms}`).join(', ')}` };
  return { samples: afterLeadIn.map((entry) => Math.abs(entry.error_ms!)) };
}

/** Prints each cue's earcon and speech error. */
export function printErrors(label: string, result: ReturnType<typeof cueErrors>) {
  for (const cue of result.earcons) {
    const spoken = result.speech.find((entry) => entry.planned_ms === cue.planned_ms && entry.kind === cue.kind);
    console.log(
      `${label.padEnd(7)} ${cue.kind.padEnd(13)} at ${String(cue.planned_ms / 1000).padStart(5)} s: earcon ${cue.error_ms} ms` +
        (spoken ? `, speech ${spoken.error_ms} ms` : '') +
        (cue.planned_ms === 0 ? ' (lead-in: the audio device starting)' : ''),
    );
  }
  console.log(`${label.padEnd(7)} breaths played: ${result.breaths}; the plan started ${result.tap_to_start_ms} ms after the Start tap`);
}
