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

test('Contact sheet of every pose, light and dark', async ({ page }) => {
  test.setTimeout(180_000);
  const shots: { label: string; light: string; dark: string }[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('routines/new');
    const step = page.locator('.step-editor').first();
    await step.getByLabel('Sides').selectOption('both');
    const picker = step.getByLabel('Picture');
    const options = await picker.locator('option').evaluateAll((nodes) =>
      nodes.map((node) => ({ value: (node as HTMLOptionElement).value, label: node.textContent ?? '' })),
    );
    let index = 0;
    for (const option of options.filter((option) => option.value !== '')) {
      await picker.selectOption(option.value);
      const figure = step.locator('.pose-picker svg');
      await expect(figure).toBeVisible();
      const png = (await figure.screenshot({ animations: 'disabled' })).toString('base64');
      if (scheme === 'light') shots.push({ label: option.label, light: png, dark: '' });
      else shots[index].dark = png;
      index += 1;
    }
  }
  const cells = shots
    .map(
      (shot) => `<figure><div class="pair"><img src="data:image/png;base64,${shot.light}">` +
        `<img class="dark" src="data:image/png;base64,${shot.dark}"></div><figcaption>${shot.label}</figcaption></figure>`,
    )
    .join('');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('about:blank');
  await page.setViewportSize({ width: 900, height: 600 });
  await page.setContent(`<style>
    body { font: 14px system-ui, sans-serif; margin: 16px; display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
    figure { margin: 0; } .pair { display: flex; } .pair img { height: 90px; padding: 6px; background: #fff; }
    .pair img.dark { background: #15191c; } figcaption { margin-top: 4px; }
  </style>${cells}`);
  await page.screenshot({ path: `${OUT}poses.png`, fullPage: true });
});
