// What the bench reads and writes: the fixture `cargo xtask bench` made with limber-core
// (routines and planned cue times), and one result file per spec for xtask to summarise.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs behind each timed figure (at least 7; more, since the machine may be shared). */
export const RUNS = 11;

/** A figure: every sample (xtask prints median, min and max), or why it does not apply. */
export type Figure = { samples: number[] } | { na: string };

export interface PlannedCue {
  at_ms: number;
  kind: string;
  /** The first note of the cue's earcon. */
  frequency_hz: number;
  waveform: 'sine' | 'triangle';
  /** What is said, if anything. */
  words?: string | null;
}

export interface BenchFixture {
  settings: Record<string, unknown>;
  custom_routines: object[];
  cue_routine: { id: string; name: string; total_ms: number };
  hold_routine: { id: string; name: string; hold_ms: number };
  planned_cues: PlannedCue[];
}

/** The bench's working folder, set by `cargo xtask bench`. */
function benchDir(): string {
  const dir = process.env.LIMBER_BENCH_DIR;
  if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error('LIMBER_BENCH_DIR is not set: run the bench with `cargo xtask bench`');
  }
  return dir;
}

/** The fixture xtask wrote. */
export function benchFixture(): BenchFixture {
  return JSON.parse(readFileSync(join(benchDir(), 'fixture.json'), 'utf8'));
}

/** Writes one spec's figures and details for xtask. */
export function writeResult(name: string, figures: Record<string, Figure>, details: unknown) {
  writeFileSync(join(benchDir(), 'results', `${name}.json`), JSON.stringify({ figures, details }, null, 1));
}

/** Rounds to a microsecond, enough for any figure here. */
export function round(ms: number) {
  return Math.round(ms * 1000) / 1000;
}
