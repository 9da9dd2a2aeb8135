// A page object for the player: what a user sees and presses.
import { expect, type Page } from '@playwright/test';

export class PlayerPage {
  constructor(readonly page: Page) {}

  /** Opens a routine from the Routines screen and presses its Start button once. */
  async startFromRoutines(routineName: string) {
    await this.page.goto('./');
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routines' }).click();
    await this.page.getByRole('link', { name: routineName }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: routineName })).toBeVisible();
    await this.page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(this.timer).toBeVisible();
  }

  get timer() {
    return this.page.getByRole('timer');
  }

  get phaseTitle() {
    return this.page.locator('.phase-title');
  }

  get next() {
    return this.page.locator('.next');
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Checks the step headline and the remaining time shown. */
  async expectShowing(title: string, remaining: string) {
    await expect(this.phaseTitle).toHaveText(title);
    await expect(this.timer).toHaveText(remaining);
  }

  /** Lets fake time pass, firing every frame and timer on the way. */
  async advance(ms: number) {
    await this.page.clock.runFor(ms);
  }
}
