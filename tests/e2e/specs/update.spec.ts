// Updates, on the release build at `/` and under `/limber/`: each test serves its own copy of
// the build and publishes a changed version (a new build hash) while the app is open. The new
// version installs in the background, never interrupts a routine, waits for "Reload", and then
// replaces the old version and its cache, and nothing of other apps on the same origin.
import { test, expect } from '../support/fixtures';
import { PlayerPage } from '../support/player_page';
import { cacheNameFor, cacheNames, findWaitingUpdate, runningBuild, waitForControl } from '../support/service_worker';
import { TestSite } from '../support/site';
import { installDeviceStubs } from '../support/stubs';

const SEED = 'Strap hamstring stretch — 3:00 per leg';

let site: TestSite;

test.beforeEach(async ({ page, context, baseURL }) => {
  site = await TestSite.open(context, baseURL!);
  await installDeviceStubs(page);
});

test.afterEach(async () => {
  await site.dispose();
});

test('an update found during a routine waits for it to end, and Reload applies it', async ({ page, baseURL }) => {
  await page.goto('./');
  await waitForControl(page);
  const oldBuild = site.buildHash;
  expect(await runningBuild(page)).toBe(oldBuild);
  // Caches of another app, and of Limber deployed at another path, share the origin.
  const foreign = ['other-app-v1', 'limber-0123456789abcdef@/limber-staging/'];
  await page.evaluate(async (names) => {
    for (const name of names) await caches.open(name);
  }, foreign);

  const player = new PlayerPage(page);
  await player.startFromRoutines(SEED);
  const newBuild = await site.publishNewVersion();
  await findWaitingUpdate(page);

  // Installed and waiting: the routine goes on, with no prompt and no reload.
  const reload = page.getByRole('button', { name: 'Reload', exact: true });
  await expect(player.timer).toBeVisible();
  await expect(reload).toBeHidden();
  expect(await runningBuild(page)).toBe(oldBuild);

  // Once the routine has stopped, the prompt appears; Reload loads the new version.
  await player.button('Stop').click();
  await player.button('Yes, stop').click();
  await expect(page.locator('[aria-live="polite"]').filter({ has: reload })).toHaveText('Update available — Reload');
  await reload.click();
  await expect.poll(() => runningBuild(page)).toBe(newBuild);
  await waitForControl(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(reload).toBeHidden();

  // The old version's cache is gone; the other apps' caches are untouched.
  expect(await cacheNames(page)).toEqual([cacheNameFor(newBuild, baseURL!), ...foreign].sort());
});

test('an update not yet applied is offered again after a reload, and the old version runs until then', async ({
  page,
  baseURL,
}) => {
  await page.goto('./');
  await waitForControl(page);
  const oldBuild = site.buildHash;
  const newBuild = await site.publishNewVersion();
  await findWaitingUpdate(page);
  const reload = page.getByRole('button', { name: 'Reload', exact: true });
  await expect(reload).toBeVisible();

  // A plain reload (or reopening the app) keeps the version in use: the page comes from the
  // old cache, and the waiting update is offered again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  expect(await runningBuild(page)).toBe(oldBuild);
  await expect(reload).toBeVisible();
  expect(await cacheNames(page)).toEqual([cacheNameFor(newBuild, baseURL!), cacheNameFor(oldBuild, baseURL!)].sort());

  await reload.click();
  await expect.poll(() => runningBuild(page)).toBe(newBuild);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  expect(await cacheNames(page)).toEqual([cacheNameFor(newBuild, baseURL!)]);
});
