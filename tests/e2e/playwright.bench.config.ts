// `cargo xtask bench`: Limber's performance figures, measured in Debian's Chromium against the
// release build at the site root. One worker, one test at a time, so runs never disturb each
// other. Not part of the test suite (its testDir is './specs'); timings are never asserted.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './bench',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 300_000,
  projects: [{ name: 'bench', use: { ...base.use, baseURL: `http://127.0.0.1:${process.env.LIMBER_E2E_PORT ?? 4173}/` } }],
});
