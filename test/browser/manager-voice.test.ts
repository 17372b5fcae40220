// "Giọng đọc" in a real browser with a fake microphone (Chromium plays a WAV made by sox as the
// microphone): a manager records a clip, the server keeps it as a levelled draft, the page plays
// it in a whole sample call, keeps it (the progress bar moves, the file is in voice/custom/), and
// one click goes back to the engine's voice.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../support/browser';
import { hasSox, soxLoudness } from '../support/sox-loudness';
import { startTestServer, type TestServer } from '../support/server';
import { customClipDir } from '../../server/devices/speech/clip-store';

describe.skipIf(!hasChromium || !hasSox)('recording the centre’s voice in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let micDir: string;
  const played: string[] = [];

  beforeAll(async () => {
    micDir = await mkdtemp(join(tmpdir(), 'qms-mic-'));
    const mic = join(micDir, 'mic.wav');
    // A voice-like tone, quiet, with pauses: Chromium loops it as the microphone's sound.
    execFileSync('sox', ['-n', '-r', '48000', '-b', '16', '-c', '1', mic, 'synth', '0.6', 'sine', '220:440', 'vol', '0.1', 'pad', '0.3', '0.3']);
    browser = await launchBrowser(['--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${mic}`, '--use-fake-ui-for-media-stream']);
    server = await startTestServer({ deps: { prepareVoiceOnChange: false } });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['microphone'], { origin: server.url });
    page = await context.newPage();
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith('/api/voice/')) played.push(`${res.status()} ${url.pathname}${url.search}`);
    });
    const token = await server.login();
    await page.addInitScript((t) => {
      localStorage.setItem('qms.manager.token', t);
      // Counts the sounds that really started playing.
      const play = HTMLMediaElement.prototype.play;
      HTMLMediaElement.prototype.play = function () {
        const started = play.call(this);
        void started.then(() => ((window as unknown as { __plays: number }).__plays = ((window as unknown as { __plays?: number }).__plays ?? 0) + 1));
        return started;
      };
    }, token);
    await page.goto(`${server.url}/manager/#/quan-tri/giong-doc`);
    await page.waitForSelector('.voice-progress');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(micDir, { recursive: true, force: true });
  });

  const row = (key: string) => page.locator(`[data-clip="${key}"]`);
  const progress = () => page.locator('.voice-progress').getAttribute('data-recorded');

  it('lists the clips the centre’s calls use with a progress bar at zero', async () => {
    await expect.poll(() => page.locator('[data-clip]').count()).toBeGreaterThan(15);
    expect(await page.locator('.voice-progress').getAttribute('data-in-use')).toBe('16');
    expect(await progress()).toBe('0');
    expect(await row('digit-5').getAttribute('data-state')).toBe('engine');
    expect(await page.locator('h2', { hasText: 'Chữ số' }).count()).toBe(1);
  });

  it('records a clip from the microphone, plays it in a sample call, keeps it and reverts it', async () => {
    await row('digit-5').locator('[data-action="record"]').click();
    await row('digit-5').locator('[data-action="stop"]').waitFor();
    await page.waitForTimeout(1500);
    await row('digit-5').locator('[data-action="stop"]').click();
    await expect.poll(() => row('digit-5').getAttribute('data-state'), { timeout: 15_000 }).toBe('draft');
    expect(await row('digit-5').locator('[role="alert"]').count()).toBe(0);

    await row('digit-5').locator('[data-action="listen-in-call"]').click();
    // The first call makes the engine's clips around the draft: give the worker its time.
    await expect.poll(() => played, { timeout: 20_000 }).toContain('200 /api/voice/clips/digit-5/sample.wav?draft=1');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __plays?: number }).__plays ?? 0), { timeout: 5000 }).toBe(1);

    await row('digit-5').locator('[data-action="keep"]').click();
    await expect.poll(() => row('digit-5').getAttribute('data-state'), { timeout: 5000 }).toBe('recorded');
    expect(await progress()).toBe('1');
    const kept = join(customClipDir(server.dataDir), 'digit-5.wav');
    expect(existsSync(kept)).toBe(true);
    expect(soxLoudness(kept)).toBeCloseTo(-16, 0);

    await row('digit-5').locator('[data-action="revert"]').click();
    await expect.poll(() => row('digit-5').getAttribute('data-state'), { timeout: 5000 }).toBe('engine');
    expect(await progress()).toBe('0');
    expect(existsSync(kept)).toBe(false);
  }, 60_000);
});
