// The morning check-in in the Log's history on the release build (issue 14): a night is
// editable like other entries — night pain and "Woken by pain" with the check-in's own taps,
// keeping the night's date — the change shows in the history, the check-in, the stored
// document, the clinician summary (for its period) and the CSV export, and a night's pain
// is never taken for a rating of today.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { storedText, useFixedToday } from '../support/seed';

test.use({ timezoneId: 'UTC' });

const nightSection = (page: Page) => page.getByRole('region', { name: 'How was last night?' });

test('a night check-in is edited in the Log: times woken and night pain, same night', async ({ page }) => {
  // Today is 24 Nov 2026; last night is the night of 23 Nov.
  await useFixedToday(page);
  await page.goto('log');
  const section = nightSection(page);
  await section.getByRole('group', { name: 'Night pain, 0 to 10' }).getByRole('button', { name: '6', exact: true }).click();
  await section.getByRole('group', { name: 'Woken by pain' }).getByRole('button', { name: '1', exact: true }).click();
  await expect(section.getByRole('status')).toContainText('Last night: night pain 6/10, woken by pain once.');
  const history = page.locator('.history-items');
  await expect(history.getByText('night of 23 Nov 2026, woken by pain once')).toBeVisible();

  // The details editor offers the check-in's choices, not the old yes/no question.
  await history.getByRole('button', { name: /^Edit/ }).click();
  const editor = history.locator('form.entry-editor');
  await expect(editor.getByText('Night of 23 Nov 2026')).toBeVisible();
  await expect(editor.getByLabel('Answered on')).toHaveValue('2026-11-24');
  await expect(editor.getByRole('checkbox', { name: 'Pain woke me at night' })).toHaveCount(0);
  const nightPain = editor.getByRole('group', { name: 'Night pain, 0 to 10' });
  const woken = editor.getByRole('group', { name: 'Woken by pain' });
  await expect(nightPain.getByRole('button', { name: '6', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(woken.getByRole('button', { name: '1', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await woken.getByRole('button', { name: '3 or more', exact: true }).click();
  await expect(woken.getByRole('button', { name: '3 or more', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(woken.getByRole('button', { name: '1', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await nightPain.getByRole('button', { name: '4', exact: true }).click();
  await editor.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(history.getByText('night of 23 Nov 2026, woken by pain 3 or more times')).toBeVisible();
  await expect(history.getByText('4/10', { exact: true })).toBeVisible();
  await expect(section.getByRole('status')).toContainText('Last night: night pain 4/10, woken by pain 3 or more times.');
  const stored = JSON.parse((await storedText(page)) ?? 'null');
  expect(stored.entries).toHaveLength(1);
  expect(stored.entries[0]).toMatchObject({ pain: 4, woke_at_night: true, night: { night_of: { year: 2026, month: 11, day: 23 }, times_woken: 3 } });

  // The night's pain is not a rating of today.
  await page.goto('./');
  await expect(page.locator('.today-status')).toContainText('No check-in yet today.');

  // The clinician summary reports the nights of its own period.
  await page.goto('summary');
  const nights = page.getByRole('region', { name: 'Nights and personal trial' });
  await expect(nights).toContainText('Last 30 nights (1 checked in): night pain 4.0/10 on average; woken by pain on 1 night.');
  await page.getByLabel('90 days', { exact: true }).check();
  await expect(nights).toContainText('Last 90 nights (1 checked in): night pain 4.0/10 on average; woken by pain on 1 night.');

  // The CSV export carries the edited night.
  await page.goto('settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('id,time,pain,woke_at_night,stiffness,areas,context,session_id,note,night_of,times_woken');
  expect(lines[1]).toMatch(/^[^,]+,2026-11-24T12:\d\d:\d\d\+00:00,4,yes,.*,2026-11-23,3$/);
});
