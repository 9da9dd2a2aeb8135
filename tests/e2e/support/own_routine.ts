// One routine of the user's own, built through the editor as a person would: the shared start
// of the sharing specs.
import { expect, type Page } from '@playwright/test';

/** The name of the routine [`buildOwnRoutine`] makes. */
export const OWN_ROUTINE_NAME = 'Evening knee hugs';

/** Builds a one-step routine in the editor, saves it and returns its detail page's address. */
export async function buildOwnRoutine(page: Page): Promise<string> {
  await page.goto('routines/new');
  await page.getByLabel('Name', { exact: true }).fill(OWN_ROUTINE_NAME);
  await page.getByLabel('Summary').fill('Knees to chest before bed.');
  const step = page.getByRole('group', { name: 'Step 1' });
  await step.getByLabel('Step name').fill('Knee hug');
  await step.getByLabel('Seconds').fill('10');
  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: OWN_ROUTINE_NAME })).toBeVisible();
  return page.url();
}
