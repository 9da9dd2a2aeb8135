// End-to-end tests against the release build, in Debian's Chromium (never a downloaded one).
// The same specs run twice: with the app at the site root and under `/limber/` (GitHub Pages).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.LIMBER_E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './specs',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  use: {
    launchOptions: {
      executablePath: process.env.LIMBER_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'off',
  },
  projects: [
    { name: 'root', use: { baseURL: `${origin}/` } },
    { name: 'subpath', use: { baseURL: `${origin}/limber/` } },
  ],
  webServer: {
    command: 'node serve.mjs',
    url: `${origin}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
