// Cue accuracy with the page in front (headless Chromium): the bench's short routine runs in
// real time and every cue's earcon is measured where it is heard, against the app's plan
// (`cue_timing.ts`).
import { test } from '@playwright/test';
import { cueErrors, errorFigure, installRecorder, printErrors, readRecorded } from './cue_timing';
import { benchDocument, seed } from './documents';
import { benchFixture, writeResult } from './results';

test('cue accuracy on the audio clock', async ({ page, baseURL }) => {
  const fixture = benchFixture();
  test.setTimeout(fixture.cue_routine.total_ms + 60_000);
  await installRecorder(page.context());
  await seed(page, baseURL!, benchDocument(fixture));
  await page.goto(`routines/${fixture.cue_routine.id}`);
  await page.getByRole('heading', { level: 1, name: fixture.cue_routine.name }).waitFor();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForTimeout(fixture.cue_routine.total_ms + 3_000);
  const result = cueErrors(fixture.planned_cues, await readRecorded(page));
  printErrors('visible', result);
  writeResult('cues', { cue_error_ms: errorFigure(result.earcons) }, { cues: result.earcons, tap_to_start_ms: result.tap_to_start_ms });
});
