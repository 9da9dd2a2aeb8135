// Accessible to everyone: axe-core (WCAG 2.1 AA) on every screen in light and dark, a
// keyboard-only run, reduced motion, 320 px width, touch targets, and the first-run welcome.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { installDeviceStubs } from '../support/stubs';

const SEED = 'Strap hamstring stretch — 3:00 per leg';

/** Every screen, in the state a user sees it, reached through the UI. */
const screens: Record<string, (page: Page) => Promise<void>> = {
  'Today (first run)': async (page) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { name: 'Welcome to Limber' })).toBeVisible();
  },
  Routines: async (page) => {
    await page.goto('routines');
    await expect(page.getByRole('link', { name: SEED })).toBeVisible();
  },
  'Routine detail': async (page) => {
    await page.goto('routines/strap-hamstring');
    await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  },
  'Player running': async (page) => {
    await page.goto('routines/strap-hamstring');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(page.getByRole('timer')).toBeVisible();
  },
  'Player paused': async (page) => {
    await page.goto('routines/strap-hamstring');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
  },
  'Player finished': async (page) => {
    // Start on the routine starts afresh (the player's own address would offer to resume
    // the routine the screen before left paused).
    await page.goto('routines/strap-hamstring');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, stop', exact: true }).click();
    await expect(page.getByRole('group', { name: 'How is your back now?' })).toBeVisible();
  },
  'Log with an entry being edited': async (page) => {
    await page.goto('log');
    await page.getByRole('group', { name: 'How is your back right now?' }).getByRole('button', { name: '4', exact: true }).click();
    await page.getByRole('button', { name: 'Add details' }).click();
    await expect(page.getByLabel('Note')).toBeVisible();
  },
  'Routine editor with messages': async (page) => {
    await page.goto('routines/new');
    await page.getByRole('button', { name: 'Save routine' }).click();
    await expect(page.getByText('Give the routine a name.')).toBeVisible();
  },
  Progress: async (page) => {
    await page.goto('progress');
    await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  },
  Settings: async (page) => {
    await page.goto('settings');
    await expect(page.getByRole('button', { name: 'Test sounds' })).toBeVisible();
  },
  About: async (page) => {
    await page.goto('about');
    await expect(page.getByRole('heading', { level: 1, name: 'About Limber' })).toBeVisible();
  },
  'Not found': async (page) => {
    await page.goto('nowhere');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  },
};

test.beforeEach(async ({ page }) => {
  await installDeviceStubs(page);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, open] of Object.entries(screens)) {
    test(`axe finds no WCAG 2.1 AA violation: ${name}, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
    });
  }
}

test('at 320 px wide (or 200 % zoom) nothing scrolls sideways, and targets are at least 44 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const [name, open] of Object.entries(screens)) {
    await open(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, nav a, select, input:not([type=checkbox]):not([type=radio]), label.choice, .setting-label')]
        .filter((element) => (element as HTMLElement).offsetParent !== null)
        .map((element) => ({ text: element.textContent?.trim() || element.getAttribute('aria-label') || element.tagName, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ text, box }) => `${text} (${Math.round(box.width)}×${Math.round(box.height)})`),
    );
    expect(small, `${name} has small touch targets`).toEqual([]);
  }
});

test('keyboard only: start, pause, resume, skip and stop the seed routine, and log an entry', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'I have read this' }).focus();
  await page.keyboard.press('Enter');

  /** Presses Tab until the focused element has this accessible name. */
  async function tabTo(name: string | RegExp) {
    for (let presses = 0; presses < 60; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        // Past the last control, focus leaves the page for the browser's own UI: not a trap.
        if (!element || element === document.body) return { text: '', outline: 'left the page' };
        const style = getComputedStyle(element);
        return { text: (element.getAttribute('aria-label') || element.innerText || '').trim(), outline: style.outlineStyle };
      });
      expect(focused.outline, `focus on "${focused.text}" is visible`).not.toBe('none');
      if (typeof name === 'string' ? focused.text === name : name.test(focused.text)) return;
    }
    throw new Error(`could not reach ${name} with Tab`);
  }

  await tabTo('Routines');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Routines' })).toBeVisible();
  await tabTo(SEED);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: SEED })).toBeVisible();
  await tabTo('Start');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('timer')).toBeVisible();

  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.phase-title')).toHaveText('Strap setup — 0:20');
  await tabTo('Stop');
  await page.keyboard.press('Enter');
  await tabTo('Yes, stop');
  await page.keyboard.press('Enter');
  await expect(page.locator('.phase-title')).toHaveText('Stopped.');

  await tabTo('See your log');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Log' })).toBeVisible();
  await tabTo('6');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 6/10' })).toBeVisible();
});

test('reduced motion stops animation', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('routines/strap-hamstring');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const duration = await page.locator('.progress-fill').evaluate((element) => getComputedStyle(element).transitionDuration);
  expect(parseFloat(duration)).toBeLessThan(0.001);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const normal = await page.locator('.progress-fill').evaluate((element) => getComputedStyle(element).transitionDuration);
  expect(parseFloat(normal)).toBeGreaterThan(0.1);
});

test('the phase changes are announced in one polite live region when nothing speaks', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined }));
  await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
  await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
  await page.goto('routines/strap-hamstring');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.clock.runFor(25_000);
  const live = page.locator('.player [aria-live="polite"]');
  await expect(live).toHaveCount(1);
  await expect(live).toHaveText('Right leg. Hold for three minutes.');
});

test('first run: the welcome with red flags shows once and stays reachable from Settings → About', async ({ page }) => {
  await page.goto('./');
  const welcome = page.getByRole('region', { name: 'Welcome to Limber' });
  await expect(welcome).toBeVisible();
  await expect(welcome).toContainText('Your data stays on this device.');
  await expect(welcome).toContainText('See a clinician first if any of these apply');
  await expect(welcome).toContainText('new problems controlling your bladder or bowels');
  await expect(welcome).toContainText('Ask your healthcare provider before trying anything new');
  await expect(welcome).toContainText('Add to Home Screen');
  await welcome.getByRole('button', { name: 'I have read this' }).click();
  await expect(welcome).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Welcome to Limber' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: /About Limber/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About Limber' })).toBeVisible();
  await expect(page.getByText('See a clinician first if any of these apply')).toBeVisible();
  await expect(page.getByText(/Ostelo/)).toBeVisible();
  await expect(page.getByText(/Bandy/)).toBeVisible();
  await expect(page.getByText(/^Limber \d+\.\d+\.\d+ · build /)).toBeVisible();
});
