// Shared fixtures: every test's page fails the test on any console error, uncaught page
// error, failed request, HTTP error response other than GitHub Pages' deep-link 404, or
// request to another origin.
import { test as base, expect, type Page } from '@playwright/test';

type Problems = string[];

export const test = base.extend<{ problems: Problems }>({
  problems: [
    async ({ page, baseURL }, use) => {
      const problems: Problems = [];
      const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
      watchPage(page, origin, problems);
      await use(problems);
      expect(problems, 'console errors, page errors or failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Records everything on the page that means something went wrong. */
export function watchPage(page: Page, origin: string, problems: Problems) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) {
      problems.push(`request to another origin: ${request.url()}`);
    }
  });
  page.on('response', (response) => {
    const isDeepLinkFallback =
      response.status() === 404 && response.request().resourceType() === 'document';
    if (response.status() >= 400 && !isDeepLinkFallback) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
}
