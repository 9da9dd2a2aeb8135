// The personal N-of-1 trial on the release build: plan 3 pairs of 5-day blocks, check the
// pre-registration's SHA-256, then move the fake clock day by day, follow the calendar shown
// on Today, answer the morning check-in, and compare the result shown with figures computed
// here from what was entered (block means, pair differences, t interval, exact test, chance).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { documentJson, seedDocument, useFixedToday } from '../support/seed';

test.use({ timezoneId: 'UTC' });

const DAY_MS = 86_400_000;
/** Day 1 of the trial: the day after the fixed "today" (24 Nov 2026). */
const DAY_1_MS = Date.UTC(2026, 10, 25);
const BLOCK_DAYS = 5;
const PAIRS = 3;
const WASHOUT = 2;
const TOTAL_DAYS = BLOCK_DAYS * 2 * PAIRS;

/** Opens Today at 08:00 on trial day `day` (1-based; 31 is the morning after the end). */
async function openMorning(page: Page, day: number) {
  await page.clock.setSystemTime(new Date(DAY_1_MS + (day - 1) * DAY_MS + 8 * 3_600_000));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
}

/** Answers "How was last night?" with one tap each. */
async function checkIn(page: Page, nightPain: number, woken: number) {
  const section = page.getByRole('region', { name: 'How was last night?' });
  await section.getByRole('group', { name: 'Night pain, 0 to 10' }).getByRole('button', { name: String(nightPain), exact: true }).click();
  await section.getByRole('group', { name: 'Woken by pain' }).getByRole('button', { name: String(woken), exact: true }).click();
  await expect(section.getByRole('status')).toContainText(`Last night: night pain ${nightPain}/10`);
}

/** Student's t CDF for 2 degrees of freedom (closed form). */
function tCdf2(t: number) {
  return 0.5 + t / (2 * Math.sqrt(2 + t * t));
}

test('a 3-pair × 5-day trial, day by day, with a result computed independently', async ({ page }) => {
  test.setTimeout(240_000);
  await useFixedToday(page);
  await seedDocument(page, documentJson([]));
  await page.goto('./');
  await page.getByRole('link', { name: 'Personal trial' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Personal trial');

  // Plan: the planner says what the design can show before anything is frozen.
  await page.getByLabel('Block length').selectOption('5');
  await page.getByLabel('Pairs of blocks').selectOption('3');
  await expect(page.getByLabel('Washout days')).toHaveValue('2');
  await expect(page.getByLabel('Primary outcome')).toHaveValue('night');
  await expect(page.locator('.power')).toHaveText(
    'With 3 pairs the smallest possible p-value is 1/8 = 0.125; choose 5 or more pairs to be able to reach p < 0.05.',
  );
  await expect(page.locator('.dates')).toHaveText('Day 1 is tomorrow, 25 Nov 2026; the last day is 24 Dec 2026 (30 days).');
  await page.getByRole('button', { name: 'Start trial' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Planned and frozen' })).toContainText('Day 1 is 25 Nov 2026');
  await expect(page.getByRole('list', { name: 'Trial calendar' }).getByRole('listitem')).toHaveCount(TOTAL_DAYS);

  // The pre-registration: its fingerprint is the SHA-256 of the signed text.
  const fingerprint = (await page.locator('.fingerprint code').textContent()) ?? '';
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export plan (JSON)' }).click(),
  ]);
  const plan = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
  expect(plan.sha256).toBe(fingerprint);
  expect(createHash('sha256').update(plan.signed_text).digest('hex')).toBe(fingerprint);
  expect(plan.limber_trial_plan.a_first).toHaveLength(PAIRS);

  // Day by day: follow Today's calendar line and answer the morning check-in.
  const conditions: ('A' | 'B')[] = [];
  const nightPain = new Map<number, number>();
  for (let day = 1; day <= TOTAL_DAYS + 1; day++) {
    await openMorning(page, day);
    if (day <= TOTAL_DAYS) {
      const line = page.locator('.trial-guidance').first();
      await expect(line).toContainText(`Trial day ${day} of ${TOTAL_DAYS} — `);
      const text = (await line.textContent()) ?? '';
      conditions[day] = text.includes('— stretch day') ? 'A' : 'B';
      if (conditions[day] === 'B') {
        await expect(page.getByText('it counts as a deviation from your plan')).toBeVisible();
      }
    }
    // Last night was trial day `day − 1`; the night of day 1 (a washout day) is left unanswered.
    const night = day - 1;
    if (night >= 2) {
      const pain = conditions[night] === 'A' ? 2 + (night % 4) : 5 + (night % 2);
      nightPain.set(night, pain);
      await checkIn(page, pain, conditions[night] === 'A' ? 0 : 1);
    }
    if (day === 12) {
      await page.getByRole('link', { name: 'Personal trial' }).click();
      const interim = page.getByRole('region', { name: 'Trial result' });
      await expect(interim).toContainText('Result so far (day 12 of 30)');
      await expect(interim).toContainText('Stopping a trial because the result looks good makes it look better than it is');
    }
  }

  // Every block is checked against the plan: each pair has one A and one B block.
  for (let pair = 0; pair < PAIRS; pair++) {
    const first = conditions[pair * 2 * BLOCK_DAYS + 1];
    const second = conditions[pair * 2 * BLOCK_DAYS + BLOCK_DAYS + 1];
    expect(new Set([first, second])).toEqual(new Set(['A', 'B']));
  }

  // The figures, computed here: block means over the non-washout days, d = B − A per pair.
  const differences: number[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    const means: Record<string, number> = {};
    for (let half = 0; half < 2; half++) {
      const firstDay = pair * 2 * BLOCK_DAYS + half * BLOCK_DAYS + 1;
      const values: number[] = [];
      for (let day = firstDay + WASHOUT; day < firstDay + BLOCK_DAYS; day++) values.push(nightPain.get(day)!);
      means[conditions[firstDay]] = values.reduce((a, b) => a + b, 0) / values.length;
    }
    differences.push(means.B - means.A);
  }
  const n = differences.length;
  const mean = differences.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(differences.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1));
  const se = sd / Math.sqrt(n);
  const half = 4.302653 * se; // t(0.975, 2)
  let asLarge = 0;
  for (let signs = 0; signs < 2 ** n; signs++) {
    const sum = differences.reduce((a, d, i) => a + ((signs >> i) & 1 ? -d : d), 0);
    if (sum >= mean * n - 1e-9) asLarge++;
  }
  const p = asLarge / 2 ** n;
  // With no spread at all the posterior is a point: the chance is 1 or 0.
  const chanceAtLeast2 = se > 0 ? 1 - tCdf2((2 - mean) / se) : Number(mean >= 2);

  await page.getByRole('link', { name: 'Personal trial' }).click();
  const result = page.getByRole('region', { name: 'Trial result' });
  await expect(result).toContainText('Final result');
  await expect(result).not.toContainText('so far');
  await expect(result).toContainText(
    `On stretching blocks your night pain was on average ${mean.toFixed(1)} points lower (95 % interval ${(mean - half).toFixed(1)} to ${(mean + half).toFixed(1)}).`,
  );
  await expect(result).toContainText(`p = ${p.toFixed(3)} (exact randomisation test`);
  await expect(result).toContainText(`Chance the effect is at least 2 points: ${Math.round(chanceAtLeast2 * 100)} %.`);
  await expect(result).toContainText('for you, in this trial');
  await expect(result).toContainText('Pairs that counted: 3 of 3.');
  // The night of day 1 was never answered; no routine was run, so no A day was done.
  await expect(result).toContainText('A days done: 0 of 15. B days kept: 15 of 15. Check-ins missed: 1. Deviations: 0.');
  await expect(result.getByRole('img')).toBeVisible();
  await expect(result.locator('circle.trial-point')).toHaveCount(TOTAL_DAYS - 1);
  await expect(result.locator('line.trial-mean')).toHaveCount(2 * PAIRS);
});

test('before a routine on a rest-from-stretching day, a one-line reminder says it counts as a deviation', async ({ page }) => {
  // Every coin lands "B first", so trial day 1 is a rest-from-stretching day and day 6 a stretch day.
  await page.addInitScript(() => {
    crypto.getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
      if (array) new Uint8Array(array.buffer, array.byteOffset, array.byteLength).fill(0);
      return array;
    };
  });
  await useFixedToday(page);
  await seedDocument(page, documentJson([]));
  await page.goto('trial');
  await page.getByLabel('Block length').selectOption('5');
  await page.getByLabel('Pairs of blocks').selectOption('3');
  await page.getByRole('button', { name: 'Start trial' }).click();
  await expect(page.getByRole('list', { name: 'Trial calendar' })).toBeVisible();
  const reminder = 'Your personal trial plans no such routine today: starting it is allowed, but it counts as a deviation from your plan.';

  // Before day 1: nothing is planned yet.
  await page.goto('routines/strap-hamstring');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await expect(page.getByText(reminder)).toHaveCount(0);

  await openMorning(page, 1);
  await expect(page.locator('.trial-guidance').first()).toContainText('Trial day 1 of 30 — rest-from-stretching day');
  await page.goto('routines/strap-hamstring');
  await expect(page.getByText(reminder)).toBeVisible();
  await page.goto('routines/cat-cow');
  await expect(page.getByText(reminder)).toBeVisible();

  await openMorning(page, 6);
  await expect(page.locator('.trial-guidance').first()).toContainText('Trial day 6 of 30 — stretch day');
  await page.goto('routines/strap-hamstring');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await expect(page.getByText(reminder)).toHaveCount(0);
});
