// Browser stubs installed before the app loads. They record every call into
// `window.__limberCalls` so tests can check what the app asked the device to do: the screen
// wake lock (Playwright cannot grant one), Web Audio notes with their start times on the
// audio clock, spoken texts, and vibration patterns.
import type { Page } from '@playwright/test';

export interface Note {
  frequency: number;
  type: string;
  /** Start time on the audio clock, in seconds. */
  start: number;
  /** Audio clock when `start` was called. */
  requestedAt: number;
  /** True if the note was silenced before it began. */
  cancelled: boolean;
}

export interface RecordedCalls {
  wakeLock: { action: 'request' | 'release'; at: number }[];
  notes: Note[];
  speech: { text: string; at: number }[];
  vibrate: { pattern: number[]; at: number }[];
  audioContexts: number;
  /** performance.now() when the first AudioContext was made (its clock's zero). */
  audioEpochMs: number | null;
  /** Audio seconds per page second (1: the two clocks agree; below 1: the audio clock drifts behind). */
  audioClockRate: number;
}

/** Installs the stubs; call before `page.goto`. */
export async function installDeviceStubs(page: Page, options: { speech?: boolean } = {}) {
  await page.addInitScript((withSpeech: boolean) => {
    const calls = {
      wakeLock: [] as { action: string; at: number }[],
      notes: [] as Record<string, unknown>[],
      speech: [] as { text: string; at: number }[],
      vibrate: [] as { pattern: number[]; at: number }[],
      audioContexts: 0,
      audioEpochMs: null as number | null,
      audioClockRate: 1,
    };
    (window as unknown as { __limberCalls: typeof calls }).__limberCalls = calls;

    Object.defineProperty(navigator, 'wakeLock', {
      configurable: true,
      value: {
        request: async (type: string) => {
          calls.wakeLock.push({ action: 'request', at: performance.now() });
          const sentinel = {
            type,
            released: false,
            release: async () => {
              if (!sentinel.released) calls.wakeLock.push({ action: 'release', at: performance.now() });
              sentinel.released = true;
            },
            addEventListener() {},
            removeEventListener() {},
          };
          return sentinel;
        },
      },
    });

    class Param {
      value = 0;
      setValueAtTime() { return this; }
      linearRampToValueAtTime() { return this; }
      exponentialRampToValueAtTime() { return this; }
      cancelScheduledValues() { return this; }
    }
    class Node {
      connect(target: unknown) { return target; }
      disconnect() {}
    }
    class Oscillator extends Node {
      type = 'sine';
      frequency = new Param();
      record: Record<string, unknown> | null = null;
      constructor(private context: Context) { super(); }
      start(when = 0) {
        this.record = {
          frequency: this.frequency.value,
          type: this.type,
          start: when,
          requestedAt: this.context.currentTime,
          cancelled: false,
        };
        calls.notes.push(this.record);
      }
      stop(when = 0) {
        const now = this.context.currentTime;
        if (this.record && (this.record.start as number) > now && when <= now) this.record.cancelled = true;
      }
    }
    class Gain extends Node {
      gain = new Param();
    }
    class Context {
      state = 'running';
      destination = new Node();
      private epoch: number;
      constructor() {
        calls.audioContexts += 1;
        calls.audioEpochMs ??= performance.now();
        this.epoch = performance.now();
      }
      get currentTime() { return ((performance.now() - this.epoch) * calls.audioClockRate) / 1000; }
      getOutputTimestamp() { return { contextTime: this.currentTime, performanceTime: performance.now() }; }
      createOscillator() { return new Oscillator(this); }
      createGain() { return new Gain(); }
      resume() { this.state = 'running'; return Promise.resolve(); }
      close() { this.state = 'closed'; return Promise.resolve(); }
    }
    Object.assign(window, { AudioContext: Context, webkitAudioContext: Context });

    class Utterance {
      text: string;
      rate = 1;
      pitch = 1;
      volume = 1;
      lang = '';
      voice: unknown = null;
      constructor(text = '') { this.text = text; }
    }
    const voices = withSpeech ? [{ name: 'Test Voice', lang: 'en-GB', default: true, localService: true, voiceURI: 'test' }] : [];
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, value: Utterance });
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speak(utterance: Utterance) {
          if (utterance.text) calls.speech.push({ text: utterance.text, at: performance.now() });
        },
        cancel() {},
        getVoices() { return voices; },
        addEventListener() {},
        removeEventListener() {},
        pending: false,
        speaking: false,
        paused: false,
      },
    });

    Object.defineProperty(navigator, 'vibrate', {
      configurable: true,
      value: (pattern: number | number[]) => {
        calls.vibrate.push({ pattern: Array.isArray(pattern) ? [...pattern] : [pattern], at: performance.now() });
        return true;
      },
    });
  }, options.speech ?? true);
}

/** What the stubs recorded so far. */
export async function recordedCalls(page: Page): Promise<RecordedCalls> {
  return page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __limberCalls: RecordedCalls }).__limberCalls)));
}

/** Notes that really sound (not silenced before they began). */
export function soundingNotes(calls: RecordedCalls): Note[] {
  return calls.notes.filter((note) => !note.cancelled);
}

/** Makes the audio clock run at `rate` audio seconds per page second (call after
 * `installDeviceStubs`, before `page.goto`): below 1 it drifts behind the page clock, as seen
 * on devices without sound output over long silences. */
export async function setAudioClockRate(page: Page, rate: number) {
  await page.addInitScript((value) => {
    (window as unknown as { __limberCalls: RecordedCalls }).__limberCalls.audioClockRate = value;
  }, rate);
}

/** Pretends the page went to the background (or came back), as when the phone locks. */
export async function setPageVisibility(page: Page, state: 'hidden' | 'visible') {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { value, configurable: true });
    Object.defineProperty(document, 'hidden', { value: value === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}
