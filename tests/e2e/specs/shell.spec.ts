// The app shell: it starts from the release build, every screen is reachable by clicking the
// bottom navigation, and a deep link survives a reload (at `/` and under `/limber/`).
import { test, expect } from '../support/fixtures';

const screens = ['Routines', 'Log', 'Progress', 'Settings', 'Today'];

test('the shell renders Today with the bottom navigation', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of screens) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Today' })).toHaveAttribute('aria-current', 'page');
});

test('every screen is reached by clicking and has one top-level heading', async ({ page, baseURL }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of screens) {
    await nav.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
    const path = new URL(page.url()).pathname;
    expect(path.startsWith(new URL(baseURL!).pathname)).toBe(true);
  }
});

test('a deep link loads directly and survives a reload', async ({ page, baseURL }) => {
  await page.goto('settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(page.url()).toBe(new URL('settings', baseURL).href);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log' }).click();
  await expect(page).toHaveURL(new URL('log', baseURL).href);
});

test('an unknown address says so and links back to Today', async ({ page }) => {
  await page.goto('no-such-screen');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Today' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});
