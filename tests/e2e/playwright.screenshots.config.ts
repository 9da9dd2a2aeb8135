// `cargo xtask screenshots`: the README's screenshots, taken in Chromium at a phone's size
// from the release build, with demo data. Not part of the test suite.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './screenshots',
  projects: [{ name: 'screenshots', use: { ...base.use, baseURL: `http://127.0.0.1:${process.env.LIMBER_E2E_PORT ?? 4173}/` } }],
});
