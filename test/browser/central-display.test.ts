// The hall's central display in a real browser: what it shows, and the spoken calls it
// plays one after another. The voice WAV is served by the test (a short tone) so these
// tests are about the player: order, no overlap, never stuck after a failed call.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

const TOKEN_KEY = 'qms.central-display.device-token';
const VOICE_ROUTE = '**/api/voice/call.wav?*';

interface Announcement {
  label: string;
  counterId: number;
  startedAt: number;
  endedAt?: number;
  error?: string;
}

/** The page's log of spoken calls (central-display/use-announcer.ts keeps it). */
const spokenCalls = (): Announcement[] => (window as Window & { __announcements?: Announcement[] }).__announcements ?? [];

/** A mono 16-bit WAV of a quiet tone, long enough that two calls would overlap if played together. */
function toneWav(ms: number, sampleRate = 8000): Buffer {
  const samples = Math.round((sampleRate * ms) / 1000);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 660 * i) / sampleRate)), 44 + i * 2);
  return wav;
}

describe.skipIf(!hasChromium)('central display', () => {
  let browser: Browser;
  let server: TestServer;
  let context: BrowserContext;
  let adminToken: string;
  /** Voice requests the page made, as "label@counter". */
  let voiceRequests: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    // Tests that change the voice settings must not start making every clip in the background.
    server = await startTestServer({ deps: { prepareVoiceOnChange: false } });
    adminToken = await server.login();
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    // Fail on the step that is stuck, well before the test's own time limit.
    context.setDefaultTimeout(15_000);
    voiceRequests = [];
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  async function openDisplay(deviceId: string, answer: (route: Route, index: number) => Promise<void> = (r) => serveTone(r)): Promise<Page> {
    const page = await context.newPage();
    await page.route(VOICE_ROUTE, (route) => {
      const url = new URL(route.request().url());
      voiceRequests.push(`${url.searchParams.get('label')}@${url.searchParams.get('counter')}`);
      return answer(route, voiceRequests.length - 1);
    });
    const token = await server.pair(deviceId);
    await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [TOKEN_KEY, token] as const);
    await page.goto(server.url + '/central-display/');
    await page.waitForSelector('.central-body');
    return page;
  }

  const serveTone = (route: Route) => route.fulfill({ status: 200, contentType: 'audio/wav', body: toneWav(700) });

  async function issue(serviceId: string): Promise<string> {
    const res = await server.http('POST', '/api/tickets', { serviceId }, adminToken);
    expect(res.status).toBe(201);
    return res.body.label as string;
  }

  async function staffAt(username: string, counterId: number): Promise<TestClient> {
    const { socket } = await server.client(await server.login(username));
    const res = await socket.timeout(5000).emitWithAck('counter:sign-in', { counterId });
    expect(res.ok).toBe(true);
    return socket;
  }

  /** Resolves once `count` announcements have ended. */
  async function announcements(page: Page, count: number, timeout?: number): Promise<Announcement[]> {
    await page.waitForFunction((n) => ((window as Window & { __announcements?: Announcement[] }).__announcements ?? []).filter((a) => a.endedAt !== undefined).length >= n, count, { timeout });
    return page.evaluate(spokenCalls);
  }

  /** The labels the server called, oldest first. */
  async function calledLabels(): Promise<string[]> {
    const state = await server.http('GET', '/api/state', undefined, adminToken);
    return (state.body.recentCalls as { label: string; recall: boolean }[]).map((c) => c.label).reverse();
  }

  it('announces two calls made together at two counters once each, in call order, one after the other', async () => {
    const page = await openDisplay('central-display-1');
    const landLabel = await issue('dat-dai');
    const civilLabel = await issue('ho-tich');
    const land = await staffAt('canbo1', 4);
    const civil = await staffAt('canbo2', 5);

    const [a, b] = await Promise.all([
      land.timeout(5000).emitWithAck('counter:call-next', { counterId: 4 }),
      civil.timeout(5000).emitWithAck('counter:call-next', { counterId: 5 }),
    ]);
    expect(a.ok && b.ok).toBe(true);

    const played = await announcements(page, 2);
    const order = await calledLabels();
    expect([...order].sort()).toEqual([landLabel, civilLabel].sort());
    expect(played.map((p) => p.label)).toEqual(order);
    expect(played.map((p) => p.counterId)).toEqual(order.map((l) => (l === landLabel ? 4 : 5)));
    expect(played.every((p) => p.error === undefined)).toBe(true);
    expect(played[0].endedAt!).toBeLessThanOrEqual(played[1].startedAt);
    expect(voiceRequests).toEqual(played.map((p) => `${p.label}@${p.counterId}`));
    await page.waitForSelector('.speaking', { state: 'detached' });
  });

  it('announces a recalled number again', async () => {
    const page = await openDisplay('central-display-1');
    const label = await issue('chung-thuc');
    const staff = await staffAt('canbo3', 6);
    await staff.timeout(5000).emitWithAck('counter:call-next', { counterId: 6 });
    await announcements(page, 1);
    await staff.timeout(5000).emitWithAck('counter:recall', { counterId: 6 });
    const played = await announcements(page, 2);
    expect(played.map((p) => [p.label, p.counterId])).toEqual([
      [label, 6],
      [label, 6],
    ]);
  });

  it('records a call whose audio cannot be fetched and still plays the next one', async () => {
    const page = await openDisplay('central-display-1', (route, index) =>
      index === 0 ? route.fulfill({ status: 404, contentType: 'application/json', body: '{"code":"not-found"}' }) : serveTone(route),
    );
    const first = await issue('chung-thuc');
    const second = await issue('chung-thuc');
    const staff = await staffAt('canbo3', 6);
    await staff.timeout(5000).emitWithAck('counter:call-next', { counterId: 6 });
    await staff.timeout(5000).emitWithAck('counter:call-next', { counterId: 6 });

    const played = await announcements(page, 2);
    expect(played.map((p) => p.label)).toEqual([first, second]);
    expect(played[0].error).toContain('404');
    expect(played[1].error).toBeUndefined();
  });

  it('stays silent on a display that is not named to play the voice, while showing the call', async () => {
    const page = await openDisplay('central-display-2');
    const label = await issue('chung-thuc');
    const staff = await staffAt('canbo3', 6);
    await staff.timeout(5000).emitWithAck('counter:call-next', { counterId: 6 });
    await page.waitForSelector(`[data-latest-label="${label}"]`);
    expect(await page.evaluate(spokenCalls)).toEqual([]);
    expect(voiceRequests).toEqual([]);
  });

  it("plays the server's own spoken call to its end", async () => {
    // One repeat keeps the real sound short; the clips themselves are made on demand.
    const config = (await server.http('GET', '/api/config', undefined, adminToken)).body;
    const saved = await server.http('PUT', '/api/config', { ...config, voice: { ...config.voice, repeats: 1 } }, adminToken);
    expect(saved.status).toBe(200);
    const page = await openDisplay('central-display-1', (route) => route.continue());
    const label = await issue('chung-thuc');
    const staff = await staffAt('canbo3', 6);
    await staff.timeout(5000).emitWithAck('counter:call-next', { counterId: 6 });

    const played = await announcements(page, 1, 25_000);
    expect(played).toMatchObject([{ label, counterId: 6 }]);
    expect(played[0].error).toBeUndefined();
    expect(voiceRequests).toEqual([`${label}@6`]);
  }, 40_000);

  it('shows the latest call, each counter with its number, the waiting counts and the notice', async () => {
    const page = await openDisplay('central-display-2');
    const called = await issue('chung-thuc');
    await issue('chung-thuc');
    await issue('ho-tich');
    const staff = await staffAt('canbo3', 6);
    const paused = await staffAt('canbo5', 3);
    await staff.timeout(5000).emitWithAck('counter:call-next', { counterId: 6 });
    await paused.timeout(5000).emitWithAck('counter:pause', { counterId: 3, reason: 'Đi họp' });

    await page.waitForSelector(`[data-latest-label="${called}"][data-latest-counter="6"]`);
    expect(await page.textContent('.latest-call')).toContain('MỜI CÔNG DÂN CÓ SỐ');
    await page.waitForSelector(`.counter-tile[data-counter="6"][data-label="${called}"]`);
    await page.waitForSelector('.counter-tile.status-paused[data-counter="3"]');
    await page.waitForSelector('[data-service="chung-thuc"][data-waiting="1"]');
    await page.waitForSelector('[data-service="ho-tich"][data-waiting="1"]');
    expect(await page.textContent('.notice')).toContain('Công dân vui lòng giữ phiếu');
  });

  async function useOwnVoice(): Promise<void> {
    const config = (await server.http('GET', '/api/config', undefined, adminToken)).body;
    const saved = await server.http('PUT', '/api/config', { ...config, voice: { ...config.voice, announce: 'browser-voice', repeats: 1 } }, adminToken);
    expect(saved.status).toBe(200);
  }

  it("falls back to the server's clips when the display's system has no Vietnamese voice", async () => {
    await useOwnVoice();
    const page = await openDisplay('central-display-1');
    // Debian's headless Chromium has no system voices at all.
    expect(await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.startsWith('vi')).length)).toBe(0);
    const label = await issue('chung-thuc');
    const staff = await staffAt('canbo3', 6);
    await staff.timeout(5000).emitWithAck('counter:call-next', { counterId: 6 });
    const [played] = await announcements(page, 1);
    expect(played).toMatchObject({ label, counterId: 6, via: 'clips' });
    expect(played.error).toBeUndefined();
    expect(voiceRequests).toEqual([`${label}@6`]);
  });

  it('speaks with the system’s Vietnamese voice when it has one, after the server’s chime', async () => {
    await useOwnVoice();
    await context.addInitScript(() => {
      // A system with "Microsoft An": the Web Speech API's shape, the speaking simulated (a real
      // utterance takes only real voices, so the utterance is simulated too).
      const an = { name: 'Microsoft An - Vietnamese (Vietnam)', lang: 'vi-VN', localService: true, default: false, voiceURI: 'an' };
      const spoken: string[] = [];
      (window as unknown as { __spoken: string[] }).__spoken = spoken;
      class Utterance {
        voice: unknown = null;
        lang = '';
        rate = 1;
        onstart: ((e: Event) => void) | null = null;
        onend: ((e: Event) => void) | null = null;
        onerror: ((e: Event) => void) | null = null;
        constructor(readonly text: string) {}
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          getVoices: () => [an],
          cancel: () => {},
          addEventListener: () => {},
          removeEventListener: () => {},
          speak(u: SpeechSynthesisUtterance) {
            spoken.push(`${u.text}|${u.voice?.name}`);
            setTimeout(() => u.onstart?.call(u, new Event('start') as SpeechSynthesisEvent), 10);
            setTimeout(() => u.onend?.call(u, new Event('end') as SpeechSynthesisEvent), 200);
          },
        },
      });
    });
    const page = await openDisplay('central-display-1');

    const label = await issue('chung-thuc');
    const staff = await staffAt('canbo3', 6);
    await staff.timeout(5000).emitWithAck('counter:call-next', { counterId: 6 });
    const [played] = await announcements(page, 1);
    expect(played).toMatchObject({ label, counterId: 6, via: 'browser-voice' });
    expect(played.error).toBeUndefined();
    const digits = [...label].map((d) => ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'][Number(d)]).join(' ');
    expect(await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)).toEqual([
      `Xin mời công dân có số thứ tự ${digits} đến quầy số sáu|Microsoft An - Vietnamese (Vietnam)`,
    ]);
    expect(voiceRequests).toEqual([]);
  });
});
