// Stored documents for tests, in the shape core's `Document::to_json` writes (schema 2):
// entries and sessions as serde writes them (see core/src/log.rs), times as
// `{utc_ms, offset_minutes}`. Days count back from a fixed "today", 24 Nov 2026, in UTC;
// use `useFixedToday` so the app's clock and time zone agree.
import type { Page } from '@playwright/test';

/** Noon UTC on the fixed "today", 2026-11-24. */
export const TODAY_NOON_MS = Date.UTC(2026, 10, 24, 12);
const DAY_MS = 86_400_000;

export interface StoredEntry {
  id: string;
  at: { utc_ms: number; offset_minutes: number };
  pain: number;
  woke_at_night: boolean | null;
  areas: string[];
  stiffness: number | null;
  note: string;
  context: { kind: string; session_id?: string };
  updated_ms: number;
}

export interface StoredSession {
  id: string;
  routine_id: string;
  routine_name: string;
  variant_id: string | null;
  started: { utc_ms: number; offset_minutes: number };
  ended: { utc_ms: number; offset_minutes: number };
  completed: boolean;
  held: { step_index: number; step_name: string; side: 'left' | 'right' | null; seconds: number }[];
  updated_ms: number;
}

/** A daily check-in `daysAgo` days before today, at noon plus `hour` hours. */
export function entry(id: string, daysAgo: number, pain: number, extra: Partial<StoredEntry> = {}, hour = 0): StoredEntry {
  const utc_ms = TODAY_NOON_MS - daysAgo * DAY_MS + hour * 3_600_000 - 4 * 3_600_000;
  return {
    id,
    at: { utc_ms, offset_minutes: 0 },
    pain,
    woke_at_night: null,
    areas: [],
    stiffness: null,
    note: '',
    context: { kind: 'daily_check_in' },
    updated_ms: 1,
    ...extra,
  };
}

/** The seed routine run `daysAgo` days before today, holding each leg for the given seconds. */
export function session(id: string, daysAgo: number, completed: boolean, left = 180, right = 180): StoredSession {
  const start = TODAY_NOON_MS - daysAgo * DAY_MS - 3 * 3_600_000;
  return {
    id,
    routine_id: 'strap-hamstring',
    routine_name: 'Strap hamstring stretch — 3:00 per leg',
    variant_id: 'knee-bent',
    started: { utc_ms: start, offset_minutes: 0 },
    ended: { utc_ms: start + 480_000, offset_minutes: 0 },
    completed,
    held: [
      { step_index: 1, step_name: 'Right leg', side: 'right', seconds: right },
      { step_index: 3, step_name: 'Left leg', side: 'left', seconds: left },
    ],
    updated_ms: 1,
  };
}

/** A whole stored document (schema 2), with the welcome already read. */
export function storedDocument(entries: object[], sessions: object[] = []) {
  return {
    schema_version: 2,
    entries,
    sessions,
    deleted: [],
    custom_routines: [],
    settings: { welcome_seen: true },
  };
}

/** A whole stored document, as the JSON text kept in localStorage. */
export function documentJson(entries: StoredEntry[], sessions: StoredSession[] = []): string {
  return JSON.stringify(storedDocument(entries, sessions));
}

/** Fixes the page's clock at today 12:00 UTC (then running) with the UTC time zone set by `test.use`. */
export async function useFixedToday(page: Page) {
  await page.clock.install({ time: new Date(TODAY_NOON_MS) });
}

/** Stores `json` as Limber's document before the app first loads (not again on reload). */
export async function seedDocument(page: Page, json: string) {
  await page.addInitScript((text: string) => {
    if (localStorage.getItem('limber:document') === null) localStorage.setItem('limber:document', text);
  }, json);
}

/**
 * The stored document as the page holds it now, as one JSON text in the document format
 * (schema 2, as `Document::to_json` writes it): an index of schema 3 has its chunks put back
 * in place (see core/src/store/layout.rs); any other text is returned as stored.
 */
export async function storedText(page: Page): Promise<string | null> {
  return page.evaluate(assembleStoredDocument);
}

/** Runs in the page: the stored index with its chunks read back (see `storedText`). */
export function assembleStoredDocument(): string | null {
  const text = localStorage.getItem('limber:document');
  if (text === null) return null;
  let index;
  try {
    index = JSON.parse(text);
  } catch {
    return text;
  }
  if (!index || index.schema_version !== 3 || !index.chunks) return text;
  const decode = (name: string): object[] => {
    const chunk = JSON.parse(localStorage.getItem(`limber:${name}`) ?? '{"records": []}');
    if (chunk.records) return chunk.records;
    return chunk.rows.map((row: unknown[]) => {
      const record: Record<string, unknown> = {};
      const flat: Record<string, unknown> = { ...chunk.same };
      chunk.columns.forEach((column: string, at: number) => (flat[column] = row[at]));
      for (const [name, value] of Object.entries(flat)) {
        const [outer, inner] = name.split('/');
        if (inner === undefined) record[name] = value;
        else record[outer] = { ...(record[outer] as object), [inner]: value };
      }
      return record;
    });
  };
  const { chunks, ...rest } = index;
  return JSON.stringify({
    ...rest,
    schema_version: 2,
    entries: chunks.entries.flatMap(decode),
    sessions: chunks.sessions.flatMap(decode),
  });
}
