// Takes the README screenshots: Today, the player mid-hold, Progress.
import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { demoDocument } from '../support/demo_data';

const NOW = new Date('2026-11-24T09:00:00+01:00');
const OUT = fileURLToPath(new URL('../../../public/screenshots/', import.meta.url));

test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, colorScheme: 'light' });

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: NOW });
  await page.clock.pauseAt(new Date(NOW.getTime() + 1_000));
  const document = JSON.stringify(demoDocument(NOW));
  await page.addInitScript((text) => {
    if (!localStorage.getItem('limber:document')) localStorage.setItem('limber:document', text);
  }, document);
});

test('Today', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.screenshot({ path: `${OUT}today.png` });
});

test('Player mid-hold', async ({ page }) => {
  await page.goto('routines/strap-hamstring');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.clock.runFor(25_000 + 72_000);
  await expect(page.getByRole('timer')).toHaveText('1:48');
  await page.screenshot({ path: `${OUT}player.png` });
});

test('Progress', async ({ page }) => {
  await page.goto('progress');
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await page.screenshot({ path: `${OUT}progress.png`, fullPage: true });
});
