// Hands-free, measured: the bench's hands-free routine runs in real time in a headful
// Chromium under Xvfb (`LIMBER_BENCH_DISPLAY`, started by `cargo xtask bench`), driven over
// the DevTools protocol without focus emulation. Two tabs of one window run it at once: one
// stays in front (visible), the other is started first and then hidden behind it for the whole
// routine, long past Chrome's 60 s grace for hidden pages. Each earcon's error is where the
// audio clock puts it on the page clock (through `getOutputTimestamp()` pairs sampled every
// second and at every note) against the plan; each spoken cue's error is when the app asked to
// speak (speech is a recording stub: Xvfb has no voices) against the plan. Both are anchored on
// the lead-in, which sounds at the Start tap.
import { test, type BrowserContext, type Page } from '@playwright/test';
import { benchDocument, seed } from './documents';
import { launchPlainChromium } from './plain_chromium';
import { benchFixture, round, writeResult, type Figure } from './results';

interface PlannedCue {
  at_ms: number;
  kind: string;
  frequency_hz: number;
  waveform: string;
  words: string | null;
}

interface Recorded {
  notes: { when: number; frequency: number; type: string; cancelled: boolean }[];
  pairs: { contextTime: number; performanceTime: number }[];
  speech: { text: string; at: number }[];
  hiddenAt: number[];
}

const KEYS = ['hands_free_visible_earcon_ms', 'hands_free_visible_speech_ms', 'hands_free_hidden_earcon_ms', 'hands_free_hidden_speech_ms'];

/** Records notes, audio↔page clock pairs, speech requests and visibility changes. */
async function installRecorder(context: BrowserContext) {
  await context.addInitScript(() => {
    const recorded = { notes: [] as Record<string, unknown>[], pairs: [] as Record<string, number>[], speech: [] as Record<string, unknown>[], hiddenAt: [] as number[] };
    (window as unknown as { __handsFree: typeof recorded }).__handsFree = recorded;
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

async function startRoutine(page: Page, baseURL: string, id: string, name: string) {
  await page.goto(new URL(`routines/${id}`, baseURL).href);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('timer').waitFor();
}

/** Every cue's error, earcon and speech, in ms (late is positive). */
function errors(planned: PlannedCue[], recorded: Recorded) {
  const pageTime = (when: number) => {
    const nearest = recorded.pairs.reduce((best, pair) =>
      Math.abs(pair.contextTime - when) < Math.abs(best.contextTime - when) ? pair : best,
    );
    return { at: nearest.performanceTime + (when - nearest.contextTime) * 1000, pairDistanceS: Math.abs(nearest.contextTime - when) };
  };
  const sounding = recorded.notes.filter((note) => !note.cancelled);
  const first = planned[0];
  const anchorNote = sounding.find((note) => Math.abs(note.frequency - first.frequency_hz) < 0.01 && note.type === first.waveform);
  if (!anchorNote) throw new Error('no lead-in earcon');
  const anchor = pageTime(anchorNote.when).at - first.at_ms;
  const earcons = planned
    .filter((cue) => cue.kind !== 'Breath')
    .map((cue) => {
      const target = anchor + cue.at_ms;
      const candidates = sounding
        .filter((note) => Math.abs(note.frequency - cue.frequency_hz) < 0.01 && note.type === cue.waveform)
        .map((note) => ({ ...pageTime(note.when) }))
        .sort((a, b) => Math.abs(a.at - target) - Math.abs(b.at - target));
      const best = candidates[0];
      return best && Math.abs(best.at - target) < 2_000
        ? { kind: cue.kind, planned_ms: cue.at_ms, error_ms: round(best.at - target), pair_distance_s: round(best.pairDistanceS) }
        : { kind: cue.kind, planned_ms: cue.at_ms, error_ms: null, pair_distance_s: null };
    });
  const anchorSpeech = recorded.speech[0]?.at ?? NaN;
  let from = 0;
  const speech = planned
    .filter((cue) => cue.words)
    .map((cue) => {
      const index = recorded.speech.findIndex((entry, at) => at >= from && entry.text === cue.words);
      if (index < 0) return { kind: cue.kind, planned_ms: cue.at_ms, error_ms: null };
      from = index + 1;
      return { kind: cue.kind, planned_ms: cue.at_ms, error_ms: round(recorded.speech[index].at - anchorSpeech - (cue.at_ms - first.at_ms)) };
    });
  return { earcons, speech, breaths: sounding.filter((note) => Math.abs(note.frequency - 293.66) < 0.01).length };
}

/** A figure of absolute errors; a dropped cue (never played) makes it fail loudly. */
function figure(entries: { kind: string; planned_ms: number; error_ms: number | null }[]): Figure {
  const dropped = entries.filter((entry) => entry.error_ms === null);
  if (dropped.length) return { na: `dropped: ${dropped.map((entry) => `${entry.kind}@${entry.planned_ms}`).join(', ')}` };
  return { samples: entries.map((entry) => Math.abs(entry.error_ms!)) };
}

test('hands-free: every cue with the page visible and hidden (headful, Xvfb)', async ({ baseURL }) => {
  const fixture = benchFixture() as ReturnType<typeof benchFixture> & {
    hands_free_routine: { id: string; name: string; total_ms: number };
    hands_free_cues: PlannedCue[];
  };
  const display = process.env.LIMBER_BENCH_DISPLAY;
  if (!display) {
    const na = { na: 'no X display (Xvfb) for a headful Chromium' };
    writeResult('hands_free', Object.fromEntries(KEYS.map((key) => [key, na])), {});
    return;
  }
  const routine = fixture.hands_free_routine;
  test.setTimeout(routine.total_ms + 120_000);
  const chromium = await launchPlainChromium(display);
  try {
    await installRecorder(chromium.context);
    const hidden = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    await seed(hidden, baseURL!, benchDocument(fixture));
    await startRoutine(hidden, baseURL!, routine.id, routine.name);
    const visible = await chromium.context.newPage();
    await startRoutine(visible, baseURL!, routine.id, routine.name);
    const state = (page: Page) => page.evaluate(() => document.visibilityState);
    if ((await state(hidden)) !== 'hidden' || (await state(visible)) !== 'visible') {
      throw new Error('the tab behind is not hidden, or the tab in front not visible');
    }
    console.log(`hands-free routine (${routine.total_ms / 1000} s): one tab hidden, one visible; waiting in real time`);
    await visible.waitForTimeout(routine.total_ms + 8_000);
    const hiddenToTheEnd = (await state(hidden)) === 'hidden';
    const read = (page: Page) => page.evaluate(() => (window as unknown as { __handsFree: Recorded }).__handsFree);
    const fromHidden = await read(hidden);
    const fromVisible = await read(visible);
    await hidden.bringToFront();
    if (!hiddenToTheEnd) throw new Error('the hidden tab came back into view before the end');
    const visibleErrors = errors(fixture.hands_free_cues, fromVisible);
    const hiddenErrors = errors(fixture.hands_free_cues, fromHidden);
    for (const [label, result] of [['visible', visibleErrors], ['hidden', hiddenErrors]] as const) {
      for (const [index, cue] of result.earcons.entries()) {
        const spoken = result.speech.find((entry) => entry.planned_ms === cue.planned_ms && entry.kind === cue.kind);
        console.log(
          `${label.padEnd(7)} ${cue.kind.padEnd(13)} at ${String(cue.planned_ms / 1000).padStart(5)} s: earcon ${cue.error_ms} ms` +
            (spoken ? `, speech ${spoken.error_ms} ms` : '') + (index === 0 ? ' (anchor)' : ''),
        );
      }
      console.log(`${label.padEnd(7)} breaths played: ${result.breaths}`);
    }
    writeResult(
      'hands_free',
      {
        hands_free_visible_earcon_ms: figure(visibleErrors.earcons.slice(1)),
        hands_free_visible_speech_ms: figure(visibleErrors.speech.slice(1)),
        hands_free_hidden_earcon_ms: figure(hiddenErrors.earcons.slice(1)),
        hands_free_hidden_speech_ms: figure(hiddenErrors.speech.slice(1)),
      },
      { visible: visibleErrors, hidden: hiddenErrors, hidden_since_ms: fromHidden.hiddenAt },
    );
  } finally {
    await chromium.close();
  }
});
