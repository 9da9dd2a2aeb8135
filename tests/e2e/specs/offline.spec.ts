// Offline and installable, on the release build at `/` and under `/limber/`: the service
// worker precaches the whole build and controls the page, the app starts and a routine runs
// with the network off and the site gone, Chrome finds nothing missing to install it, and the
// Content-Security-Policy blocks what it must.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, watchPage, watchSecurityPolicy, watchServiceWorkers } from '../support/fixtures';
import { PlayerPage } from '../support/player_page';
import { readPng } from '../support/png';
import { cachedUrls, cacheNameFor, cacheNames, runningBuild, waitForControl } from '../support/service_worker';
import { distFor, TestSite } from '../support/site';
import { storedText } from '../support/seed';
import { installDeviceStubs } from '../support/stubs';

const SEED = 'Strap hamstring stretch — 3:00 per leg';
const ACCENT = [0x2f, 0x6b, 0x4f, 255];

/** Every file in a folder, as paths relative to it. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

test('the service worker installs, controls the page and precaches every file of the build', async ({ page, baseURL }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const worker = await waitForControl(page);
  expect(worker.script).toBe(new URL('sw.js', baseURL).href);
  expect(worker.scope).toBe(baseURL);

  const build = await runningBuild(page);
  expect(build).toMatch(/^[0-9a-f]{16}$/);
  expect(await cacheNames(page)).toEqual([cacheNameFor(build!, baseURL!)]);

  const built = (await filesIn(distFor(baseURL!))).filter((file) => file !== 'sw.js' && file !== '404.html');
  expect(built).toEqual(expect.arrayContaining(['index.html', 'manifest.webmanifest', 'icons/icon-512.png']));
  expect(built.some((file) => file.endsWith('.wasm'))).toBe(true);
  expect(await cachedUrls(page, cacheNameFor(build!, baseURL!))).toEqual(
    built.map((file) => new URL(file, baseURL).href).sort(),
  );
});

test('offline, with the site gone, the app starts, opens a deep link, runs a routine to the end and stores a rating', async ({
  page,
  context,
  baseURL,
}) => {
  const site = await TestSite.open(context, baseURL!);
  try {
    await installDeviceStubs(page);
    await page.clock.install({ time: new Date('2026-11-24T08:00:00Z') });
    await page.clock.pauseAt(new Date('2026-11-24T08:00:01Z'));
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await waitForControl(page);

    await site.takeDown();
    await context.setOffline(true);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

    await page.goto('settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

    // The seed routine, 7:25 with its lead-in, run to the end on the fake clock.
    const player = new PlayerPage(page);
    await player.startFromRoutines(SEED);
    for (let second = 0; second < 450; second += 10) await player.advance(10_000);
    await expect(player.phaseTitle).toHaveText('Done. Well done.');
    await page.getByRole('group', { name: 'How is your back now?' }).getByRole('button', { name: '4', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved: pain 4/10.');
    const stored = JSON.parse((await storedText(page)) ?? '{}');
    expect(stored.sessions.map((session: { completed: boolean }) => session.completed)).toEqual([true]);
    expect(stored.entries.map((entry: { pain: number }) => entry.pain)).toEqual([4]);

    await page.getByRole('link', { name: 'See your log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log' })).toBeVisible();
  } finally {
    await context.setOffline(false);
    await site.dispose();
  }
});

test('Chrome finds the app installable, and every icon exists at its declared size', async ({ playwright, baseURL }) => {
  // Chrome never offers to install from an incognito profile, which Playwright's contexts
  // are: this test runs in a persistent profile of its own, watched like every other page.
  const profile = await mkdtemp(join(tmpdir(), 'limber-e2e-profile-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...test.info().project.use.launchOptions,
    baseURL,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const origin = new URL(baseURL!).origin;
  const watcher = watchPage(page, origin);
  watchServiceWorkers(context, origin, watcher.problems);
  await watchSecurityPolicy(page, watcher.problems);
  try {
    await checkInstallable(page, baseURL!);
    expect(watcher.report(), 'console errors, page errors or failed requests').toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

async function checkInstallable(page: Page, baseURL: string) {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await waitForControl(page);

  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const manifestInfo = await cdp.send('Page.getAppManifest');
  expect(manifestInfo.errors).toEqual([]);
  expect(manifestInfo.url).toBe(new URL('manifest.webmanifest', baseURL).href);

  const manifest = JSON.parse(manifestInfo.data!);
  expect(manifest).toMatchObject({ short_name: 'Limber', start_url: './', scope: './', display: 'standalone' });
  expect(manifest.name).toContain('Limber');
  expect(manifest.description.length).toBeGreaterThan(20);
  // The colours are the light theme's: the page background and its theme-color.
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe(rgb(manifest.background_color));
  const themeColor = page.locator('meta[name="theme-color"][media="(prefers-color-scheme: light)"]');
  await expect(themeColor).toHaveAttribute('content', manifest.theme_color);

  const icons: { src: string; sizes: string; type: string; purpose: string }[] = manifest.icons;
  const kinds = icons.map((icon) => `${icon.purpose} ${icon.sizes} ${icon.type}`);
  expect(kinds).toEqual(
    expect.arrayContaining([
      'any any image/svg+xml',
      'any 192x192 image/png',
      'any 512x512 image/png',
      'maskable 192x192 image/png',
      'maskable 512x512 image/png',
    ]),
  );
  for (const icon of icons) {
    const response = await page.request.get(new URL(icon.src, manifestInfo.url).href);
    expect(response.ok(), icon.src).toBe(true);
    expect(response.headers()['content-type']).toContain(icon.type);
    if (icon.type !== 'image/png') continue;
    const png = readPng(await response.body());
    expect(`${png.width}x${png.height}`, icon.src).toBe(icon.sizes);
    // Maskable icons fill the square (the launcher's mask never shows a gap); the others
    // keep the rounded square's transparent corners.
    if (icon.purpose === 'maskable') expect(png.corner, icon.src).toEqual(ACCENT);
    else expect(png.corner[3], icon.src).toBe(0);
  }

  // iOS: a full-bleed 180 px touch icon and the home-screen meta tags.
  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  const touch = readPng(await (await page.request.get(new URL(touchIcon!, baseURL).href)).body());
  expect([touch.width, touch.height, touch.corner]).toEqual([180, 180, ACCENT]);
  await expect(page.locator('meta[name="apple-mobile-web-app-capable"]')).toHaveAttribute('content', 'yes');
  await expect(page.locator('meta[name="apple-mobile-web-app-title"]')).toHaveAttribute('content', 'Limber');
}

test('the Content-Security-Policy is strict and blocks inline scripts and other origins', async ({ page, problems }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='(;| )/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("form-action 'none'");

  // What an injected script or a third-party resource would do is blocked, and reported.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.append(script);
    const image = document.createElement('img');
    image.src = 'https://tracker.example.invalid/pixel.png';
    document.body.append(image);
  });
  const tracker = 'https://tracker.example.invalid/pixel.png';
  await expect.poll(() => problems).toEqual(
    expect.arrayContaining([
      'CSP violation: script-src-elem blocked inline',
      `CSP violation: img-src blocked ${tracker}`,
      // Refused by the policy in the browser: no request left it.
      `request failed: ${tracker} (csp)`,
    ]),
  );
  expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
  // These problems were this test's own doing; anything else still fails it.
  const ours = (problem: string) =>
    problem.includes(tracker) ||
    problem === 'CSP violation: script-src-elem blocked inline' ||
    (problem.startsWith('console error') && problem.includes('Content Security Policy'));
  problems.splice(0, problems.length, ...problems.filter((problem) => !ours(problem)));
});

/** `#rrggbb` as the browser writes computed colours. */
function rgb(hex: string) {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
