// Shared fixtures: every test's page fails the test on any console error, uncaught page
// error, failed request, HTTP error response, Content-Security-Policy violation, or request to
// another origin (the page's or its service worker's). The one allowed 404 is GitHub Pages'
// deep-link fallback: a document answered with 404.html (the app).
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
      const watcher = watchPage(page, origin);
      watchServiceWorkers(page.context(), origin, watcher.problems);
      await watchSecurityPolicy(page, watcher.problems);
      await use(watcher.problems);
      expect(watcher.report(), 'console errors, page errors or failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Records everything on the page that means something went wrong. */
export function watchPage(page: Page, origin: string) {
  const problems: string[] = [];
  const fallbackDocuments = new Set<string>();
  const notFoundConsole: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (text.includes('status of 404')) notFoundConsole.push(message.location().url);
    else problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A request cancelled because the page moved on is not a failure of the app.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) {
      problems.push(`request to another origin: ${request.url()}`);
    }
  });
  page.on('response', (response) => {
    const isDocument = response.request().resourceType() === 'document';
    if (response.status() === 404 && isDocument) fallbackDocuments.add(response.url());
    else if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {
    problems,
    /** The problems, plus every 404 logged for anything but a deep-link document. */
    report: () => [
      ...problems,
      ...notFoundConsole
        // A document's console location keeps the URL's #fragment; its response does not.
        .filter((url) => !fallbackDocuments.has(url.split('#')[0]))
        .map((url) => `console error: 404 for ${url || 'an unnamed resource'}`),
    ],
  };
}

/** Records the service workers' failed requests and requests to another origin. */
export function watchServiceWorkers(context: BrowserContext, origin: string, problems: string[]) {
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (request.serviceWorker() && url.protocol.startsWith('http') && url.origin !== origin) {
      problems.push(`service worker request to another origin: ${request.url()}`);
    }
  });
  context.on('requestfailed', (request) => {
    if (request.serviceWorker()) {
      problems.push(`service worker request failed: ${request.url()} (${request.failure()?.errorText})`);
    }
  });
}

/** Records every `securitypolicyviolation` the page reports (the CSP blocked something). */
export async function watchSecurityPolicy(page: Page, problems: string[]) {
  await page.exposeBinding('__limberReportCspViolation', (_source, text: string) => {
    problems.push(`CSP violation: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __limberReportCspViolation: (text: string) => void })
        .__limberReportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'an inline script or style'}`);
    });
  });
}
