// Hands-free, measured: the bench's hands-free routine runs in real time in a headful
// Chromium under Xvfb (`LIMBER_BENCH_DISPLAY`, started by `cargo xtask bench`), driven over
// the DevTools protocol without focus emulation. Two tabs of one window run it at once: one
// stays in front (visible), the other is started first and then hidden behind it for the whole
// routine, long past Chrome's 60 s grace for hidden pages. Each cue's error, earcon and speech,
// is measured against the app's plan (`cue_timing.ts`).
import { test, type Page } from '@playwright/test';
import { cueErrors, errorFigure, installRecorder, printErrors, readRecorded } from './cue_timing';
import { benchDocument, seed } from './documents';
import { launchPlainChromium } from './plain_chromium';
import { benchFixture, writeResult, type PlannedCue } from './results';

const KEYS = ['hands_free_visible_earcon_ms', 'hands_free_visible_speech_ms', 'hands_free_hidden_earcon_ms', 'hands_free_hidden_speech_ms'];

async function startRoutine(page: Page, baseURL: string, id: string, name: string) {
  await page.goto(new URL(`routines/${id}`, baseURL).href);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('timer').waitFor();
}

test('hands-free: every cue with the page visible and hidden (headful, Xvfb)', async ({ baseURL }) => {
  const fixture = benchFixture() as ReturnType<typeof benchFixture> & {
    hands_free_routine: { id: string; name: string; total_ms: number };
    hands_free_cues: PlannedCue[];
  };
  const display = process.env.LIMBER_BENCH_DISPLAY;
  if (!display) {
    const na = { na: 'no X display (Xvfb) for a headful Chromium' };
    writeResult('hands_free', Object.fromEntries(KEYS.map((key) => [key, na])), {});
    return;
  }
  const routine = fixture.hands_free_routine;
  test.setTimeout(routine.total_ms + 120_000);
  const chromium = await launchPlainChromium(display);
  try {
    await installRecorder(chromium.context);
    const hidden = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    await seed(hidden, baseURL!, benchDocument(fixture));
    await startRoutine(hidden, baseURL!, routine.id, routine.name);
    const visible = await chromium.context.newPage();
    await startRoutine(visible, baseURL!, routine.id, routine.name);
    const state = (page: Page) => page.evaluate(() => document.visibilityState);
    if ((await state(hidden)) !== 'hidden' || (await state(visible)) !== 'visible') {
      throw new Error('the tab behind is not hidden, or the tab in front not visible');
    }
    console.log(`hands-free routine (${routine.total_ms / 1000} s): one tab hidden, one visible; waiting in real time`);
    await visible.waitForTimeout(routine.total_ms + 8_000);
    const hiddenToTheEnd = (await state(hidden)) === 'hidden';
    const fromHidden = await readRecorded(hidden);
    const fromVisible = await readRecorded(visible);
    await hidden.bringToFront();
    if (!hiddenToTheEnd) throw new Error('the hidden tab came back into view before the end');
    const visibleErrors = cueErrors(fixture.hands_free_cues, fromVisible);
    const hiddenErrors = cueErrors(fixture.hands_free_cues, fromHidden);
    printErrors('visible', visibleErrors);
    printErrors('hidden', hiddenErrors);
    writeResult(
      'hands_free',
      {
        hands_free_visible_earcon_ms: errorFigure(visibleErrors.earcons),
        hands_free_visible_speech_ms: errorFigure(visibleErrors.speech),
        hands_free_hidden_earcon_ms: errorFigure(hiddenErrors.earcons),
        hands_free_hidden_speech_ms: errorFigure(hiddenErrors.speech),
      },
      { visible: visibleErrors, hidden: hiddenErrors, hidden_since_ms: fromHidden.hiddenAt },
    );
  } finally {
    await chromium.close();
  }
});
