// The log on the release build (issue 15): a corrected tap makes one entry, a session can be
// deleted with undo, the details form uses the tap scale with messages by the field and a
// movable date and time, and ratings right after a routine stay out of the daily trend and
// the "first week vs now" figures on Progress and the clinician summary alike.
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { documentJson, entry, seedDocument, session, storedText, useFixedToday, type StoredEntry } from '../support/seed';

test.use({ timezoneId: 'UTC' });

const quickScale = (page: Page) => page.getByRole('group', { name: 'How is your back right now?' });
const stored = async (page: Page) => JSON.parse((await storedText(page)) ?? 'null');

test('a second tap within 30 seconds corrects the entry instead of adding one', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
  await page.goto('./');
  await quickScale(page).getByRole('button', { name: '6', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 6/10' })).toBeVisible();
  await page.clock.runFor(10_000);
  await quickScale(page).getByRole('button', { name: '7', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changed to 7/10' })).toBeVisible();
  // The scale shows which number is chosen.
  await expect(quickScale(page).getByRole('button', { name: '7', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(quickScale(page).getByRole('button', { name: '6', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.today-status')).toContainText('Checked in today: 7/10.');
  let document = await stored(page);
  expect(document.entries.map((saved: StoredEntry) => saved.pain)).toEqual([7]);

  // Later than 30 s: a new entry.
  await page.clock.runFor(31_000);
  await quickScale(page).getByRole('button', { name: '5', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 5/10' })).toBeVisible();
  document = await stored(page);
  expect(document.entries.map((saved: StoredEntry) => saved.pain)).toEqual([7, 5]);
});

test('a session can be deleted from the Log, with undo, and stays deleted after a reload', async ({ page }) => {
  await useFixedToday(page);
  await seedDocument(page, documentJson([entry('e1', 0, 4)], [session('s1', 0, true)]));
  await page.goto('log');
  const history = page.locator('.history-items');
  const sessionRow = history.locator('.history-session');
  await expect(sessionRow).toHaveCount(1);
  await sessionRow.getByRole('button', { name: /^Delete/ }).click();
  await expect(sessionRow).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the Strap hamstring stretch — 3:00 per leg session' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(sessionRow).toHaveCount(1);
  expect((await stored(page)).sessions).toHaveLength(1);

  await sessionRow.getByRole('button', { name: /^Delete/ }).click();
  await expect(sessionRow).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.history-items').getByText('4/10', { exact: true })).toBeVisible();
  await expect(page.locator('.history-session')).toHaveCount(0);
  expect((await stored(page)).sessions).toHaveLength(0);
});

test('the details form: the tap scale, a message by the field, and a new date and time', async ({ page }) => {
  await useFixedToday(page);
  await seedDocument(page, documentJson([entry('e1', 0, 4)]));
  await page.goto('log');
  const history = page.locator('.history-items');
  await history.getByRole('button', { name: /^Edit/ }).click();
  const scale = history.getByRole('group', { name: 'Pain (0–10)' });
  await expect(scale.getByRole('button', { name: '4', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await scale.getByRole('button', { name: '3', exact: true }).click();
  await expect(scale.getByRole('button', { name: '3', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // A bad stiffness: the message sits by that field, as a sentence.
  const stiffness = history.getByLabel('Stiffness (0–10, optional)');
  await stiffness.fill('12');
  await history.getByRole('button', { name: 'Save', exact: true }).click();
  const stiffnessField = history.locator('.setting').filter({ hasText: 'Stiffness (0–10, optional)' });
  await expect(stiffnessField.getByRole('alert')).toHaveText('Stiffness must be 0–10.');
  await stiffness.fill('');

  // Move the entry to yesterday evening.
  await history.getByLabel('Date').fill('2026-11-23');
  await history.getByLabel('Time').fill('21:15');
  await history.getByRole('button', { name: 'Save', exact: true }).click();
  const yesterday = page.locator('.history-day').filter({ has: page.getByRole('heading', { name: '23 Nov 2026' }) });
  await expect(yesterday.getByText('21:15', { exact: true })).toBeVisible();
  await expect(yesterday.getByText('3/10', { exact: true })).toBeVisible();
  const saved = (await stored(page)).entries[0];
  expect(saved.at.utc_ms).toBe(Date.UTC(2026, 10, 23, 21, 15));
  expect(saved.pain).toBe(3);
});

/** Two weeks at 7 then 4, as on Progress; each recent day also has a 0 right after a routine. */
function withRatingsAfterRoutines(): { entries: StoredEntry[]; json: string } {
  const entries: StoredEntry[] = [];
  for (let daysAgo = 13; daysAgo >= 7; daysAgo--) entries.push(entry(`b${daysAgo}`, daysAgo, 7));
  const sessions = [];
  for (let daysAgo = 6; daysAgo >= 0; daysAgo--) {
    entries.push(entry(`r${daysAgo}`, daysAgo, 4));
    sessions.push(session(`s${daysAgo}`, daysAgo, true));
    entries.push(entry(`a${daysAgo}`, daysAgo, 0, { context: { kind: 'after_session', session_id: `s${daysAgo}` } }, 2));
  }
  return { entries, json: documentJson(entries, sessions) };
}

test('ratings right after a routine stay out of the trend; Progress and the summary agree', async ({ page }) => {
  await useFixedToday(page);
  await seedDocument(page, withRatingsAfterRoutines().json);
  await page.goto('progress');
  await expect(page.locator('.change-text')).toContainText('fell from 7.0 to 4.0');
  await expect(page.locator('.averages')).toContainText('First 7 rated days7.0');
  await expect(page.locator('.averages')).toContainText('Last 7 days4.0');
  await expect(page.locator('#pain-chart-summary')).toContainText('lowest 4');

  await page.goto('summary');
  await expect(page.getByText('Average in the first week 7.0, in the last week 4.0.')).toBeVisible();
});
