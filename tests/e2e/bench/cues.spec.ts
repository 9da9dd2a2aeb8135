// Cue accuracy on the real audio clock: the bench's short routine runs in real time, every
// `OscillatorNode.start(when)` is recorded, and each planned cue (from limber-core, via the
// fixture) is matched to the first note of its earcon. Anchored on the first earcon, the error
// of each cue is |(when - anchor) - planned offset|.
import { test } from '@playwright/test';
import { benchDocument, seed } from './documents';
import { installProbe, probe } from './probe';
import { benchFixture, round, writeResult } from './results';

/** Farthest a note may be from its planned time and still count as that cue's (a wrong match
 * would be a second or more away: cues are at least a second apart). */
const MATCH_WINDOW_S = 0.25;

test('cue accuracy on the audio clock', async ({ page, baseURL }) => {
  const fixture = benchFixture();
  const planned = fixture.planned_cues;
  test.setTimeout(fixture.cue_routine.total_ms + 60_000);
  await installProbe(page, 'watch');
  await seed(page, baseURL!, benchDocument(fixture));
  await page.goto(`routines/${fixture.cue_routine.id}`);
  await page.getByRole('heading', { level: 1, name: fixture.cue_routine.name }).waitFor();
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  // Until the last cue's note is scheduled (it is scheduled ahead of its time), then a little more.
  const last = planned[planned.length - 1];
  await page.waitForFunction(
    ({ frequency, type, afterS }) => {
      const notes = (window as unknown as { __bench: { notes: { when: number; frequency: number; type: string }[] } })
        .__bench.notes;
      const anchor = notes[0]?.when ?? Infinity;
      return notes.some(
        (note) => Math.abs(note.frequency - frequency) < 0.01 && note.type === type && note.when - anchor > afterS,
      );
    },
    { frequency: last.frequency_hz, type: last.waveform, afterS: last.at_ms / 1000 - MATCH_WINDOW_S },
    { timeout: fixture.cue_routine.total_ms + 30_000, polling: 500 },
  );
  const { notes } = await probe(page);

  const first = planned[0];
  const anchorNote = notes[0];
  if (Math.abs(anchorNote.frequency - first.frequency_hz) > 0.01 || anchorNote.type !== first.waveform) {
    throw new Error(`the first note (${anchorNote.frequency} Hz ${anchorNote.type}) is not the ${first.kind} earcon`);
  }
  const anchor = anchorNote.when - first.at_ms / 1000;
  const used = new Set<number>([0]);
  const cues = planned.slice(1).map((cue) => {
    const target = anchor + cue.at_ms / 1000;
    let best = -1;
    notes.forEach((note, index) => {
      if (used.has(index) || Math.abs(note.frequency - cue.frequency_hz) > 0.01 || note.type !== cue.waveform) return;
      if (best < 0 || Math.abs(note.when - target) < Math.abs(notes[best].when - target)) best = index;
    });
    if (best < 0 || Math.abs(notes[best].when - target) > MATCH_WINDOW_S) {
      throw new Error(`no ${cue.waveform} ${cue.frequency_hz} Hz note near ${cue.at_ms} ms for the ${cue.kind} cue`);
    }
    used.add(best);
    const note = notes[best];
    return {
      kind: cue.kind,
      planned_ms: cue.at_ms,
      audio_clock_ms: round((note.when - anchor) * 1000),
      error_ms: round(Math.abs(note.when - target) * 1000),
      early_or_late_ms: round((note.when - target) * 1000),
      scheduled_ahead_ms: round((note.when - note.now) * 1000),
    };
  });
  for (const cue of cues) {
    console.log(`${cue.kind.padEnd(13)} planned ${cue.planned_ms} ms, |error| ${cue.error_ms} ms, scheduled ${cue.scheduled_ahead_ms} ms ahead`);
  }
  writeResult('cues', { cue_error_ms: { samples: cues.map((cue) => cue.error_ms) } }, { anchor_kind: first.kind, cues });
});
