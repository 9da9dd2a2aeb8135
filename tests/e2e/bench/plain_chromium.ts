// A headless Chromium that can hide a page. Pages Playwright launches never read "hidden": it
// turns on focus emulation, which keeps every page visible (tab switches, bringToFront and a
// minimised window all leave `document.visibilityState` "visible"), and its default flags turn
// off background timer throttling. So this Chromium is started by hand, without those flags,
// and Playwright attaches over CDP with `noDefaults`: in its default context, opening a second
// tab really hides the first, with the browser's real background throttling.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../playwright.config';

export interface PlainChromium {
  browser: Browser;
  /** The default context: pages here are tabs of one window. */
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * Starts Chromium with the suite's flags (and no Playwright defaults) and attaches: headless,
 * or headful on an X display (`:99` of an Xvfb) when `display` is given.
 */
export async function launchPlainChromium(display?: string): Promise<PlainChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'limber-bench-profile-'));
  const executable = config.use?.launchOptions?.executablePath ?? '/usr/bin/chromium';
  const flags = config.use?.launchOptions?.args ?? [];
  const child = spawn(
    executable,
    [...(display ? [] : ['--headless']), '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...flags, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], env: display ? { ...process.env, DISPLAY: display } : process.env },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stderr.on('data', (chunk) => {
      output += chunk;
      const found = output.match(/DevTools listening on (ws:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened:\n${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint, { noDefaults: true });
  return {
    browser,
    context: browser.contexts()[0],
    close: async () => {
      await browser.close().catch(() => {});
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      // Chromium's helper processes may still be writing the profile as it goes: retry.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}
