// Stored documents for the bench, in the app's own shape (schema 2, as support/seed.ts): the
// bench's settings and routines from the fixture, and optionally a long history of entries.
import type { Page } from '@playwright/test';
import type { StoredEntry } from '../support/seed';
import { DOCUMENT_KEY } from './probe';
import type { BenchFixture } from './results';

const HOUR_MS = 3_600_000;

/**
 * `count` check-ins, one every six hours back from `now` (10,000 span about seven years),
 * with ratings, areas, night pain and notes mixed as a real log would have them.
 */
export function manyEntries(count: number, now = Date.now()): StoredEntry[] {
  const entries: StoredEntry[] = [];
  for (let n = 0; n < count; n++) {
    const utc_ms = now - (n + 1) * 6 * HOUR_MS;
    entries.push({
      id: `bench-${n}`,
      at: { utc_ms, offset_minutes: 0 },
      pain: (n * 7) % 11,
      woke_at_night: n % 4 === 0 ? n % 9 === 0 : null,
      areas: n % 5 === 0 ? ['low_back', 'leg_right'] : [],
      stiffness: n % 3 === 0 ? n % 11 : null,
      note: n % 10 === 0 ? 'Stiff after sitting; better after the strap stretch.' : '',
      context: { kind: 'daily_check_in' },
      updated_ms: utc_ms,
    });
  }
  return entries;
}

/** A whole stored document with the bench's settings and routines. */
export function benchDocument(fixture: BenchFixture, entries: StoredEntry[] = []): string {
  return JSON.stringify({
    schema_version: 2,
    entries,
    sessions: [],
    deleted: [],
    custom_routines: fixture.custom_routines,
    settings: fixture.settings,
  });
}

/**
 * Stores `json` as the document, from a plain file of the same origin (the app's icon), so the
 * app never runs meanwhile and no init script carries the text into every later load.
 */
export async function seed(page: Page, baseURL: string, json: string) {
  await page.goto(new URL('icons/icon.svg', baseURL).href);
  await page.evaluate(({ key, text }) => localStorage.setItem(key, text), { key: DOCUMENT_KEY, text: json });
}
