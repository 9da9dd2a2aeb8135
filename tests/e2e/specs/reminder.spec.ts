// Settings → Daily reminder on the release build: a real .ics download with a weekly rule on
// the chosen days, an alarm and CRLF line endings; no day chosen says so next to the days.
import { readFile } from 'node:fs/promises';
import { test, expect } from '../support/fixtures';
import { installDeviceStubs } from '../support/stubs';

test.beforeEach(async ({ page }) => {
  await installDeviceStubs(page);
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.goto('settings');
});

test('the reminder downloads as a repeating calendar event with an alarm', async ({ page }) => {
  const section = page.locator('.reminder');
  await expect(section.getByText('Limber itself never sends notifications.')).toBeVisible();
  await section.getByLabel('Time', { exact: true }).fill('07:30');
  const days = section.getByRole('group', { name: 'Days' });
  for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) {
    await expect(days.getByLabel(day, { exact: true })).toBeChecked();
  }
  await expect(section.getByLabel('Routine', { exact: true })).toHaveValue('strap-hamstring');
  for (const day of ['Tue', 'Thu', 'Sat', 'Sun']) await days.getByLabel(day, { exact: true }).uncheck();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Download reminder (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('limber-reminder.ics');
  const text = await readFile(await download.path(), 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = text.split('\r\n');
  expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR');
  expect(lines).toContain('DTSTART:20261125T073000');
  expect(lines).toContain('BEGIN:VALARM');
  expect(lines).toContain('END:VCALENDAR');
  await expect(section.getByText('Saved limber-reminder.ics: Mon, Wed, Fri at 07:30.')).toBeVisible();
});

test('a reminder needs at least one day', async ({ page }) => {
  const days = page.getByRole('group', { name: 'Days' });
  for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) await days.getByLabel(day, { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Download reminder (.ics)' }).click();
  await expect(days.getByText('Choose at least one day for the reminder.')).toBeVisible();
});
