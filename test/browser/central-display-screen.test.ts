// What the hall's central display shows, at the TVs' real sizes: the big panel holds a call
// only while it is current, the calls just before it are listed beside it, no name is cut
// off, and the offline banner never covers the header.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser';
import { boxOf, clippedTexts, overlaps } from '../support/layout';
import { issueTicket, newScreen, openWithToken, SCREENS, TOKEN_KEYS } from '../support/pages';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('central display screen', () => {
  let browser: Browser;
  let server: TestServer;
  let serverOpen: boolean;
  let adminToken: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    // central-display-2 does not play the voice: these tests are about the picture.
    server = await startTestServer({ deps: { prepareVoiceOnChange: false } });
    serverOpen = true;
    adminToken = await server.login();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    if (serverOpen) await server?.close();
  });

  async function display(size: { width: number; height: number } = SCREENS.fullHd): Promise<Page> {
    const context = await newScreen(browser, size);
    contexts.push(context);
    const page = await openWithToken(context, server, '/central-display/', TOKEN_KEYS.central, await server.pair('central-display-2'));
    await page.waitForSelector('.central-body');
    return page;
  }

  async function staffAt(username: string, counterId: number): Promise<TestClient> {
    const { socket } = await server.client(await server.login(username));
    const res = await socket.timeout(5000).emitWithAck('counter:sign-in', { counterId });
    expect(res.ok).toBe(true);
    return socket;
  }

  const act = async (socket: TestClient, event: 'counter:call-next' | 'counter:finish', counterId: number) => {
    const res = await socket.timeout(5000).emitWithAck(event, { counterId });
    expect(res.ok).toBe(true);
  };

  it('stops showing a call as current once the ticket is finished, transferred or its counter pauses', async () => {
    const page = await display();
    const first = await issueTicket(server, adminToken, 'ho-tich');
    const second = await issueTicket(server, adminToken, 'ho-tich');
    const third = await issueTicket(server, adminToken, 'ho-tich');
    const staff = await staffAt('canbo5', 5);

    await act(staff, 'counter:call-next', 5);
    await page.waitForSelector(`[data-latest-label="${first}"][data-latest-counter="5"]`);
    await act(staff, 'counter:finish', 5);
    await page.waitForSelector('.latest-call.idle');
    expect(await page.textContent('.latest-call')).not.toContain(first);

    await act(staff, 'counter:call-next', 5);
    await page.waitForSelector(`[data-latest-label="${second}"]`);
    expect((await staff.timeout(5000).emitWithAck('counter:transfer', { counterId: 5, toServiceId: 'chung-thuc' })).ok).toBe(true);
    await page.waitForSelector('.latest-call.idle');

    await act(staff, 'counter:call-next', 5);
    await page.waitForSelector(`[data-latest-label="${third}"]`);
    expect((await staff.timeout(5000).emitWithAck('counter:pause', { counterId: 5, reason: 'Đi họp' })).ok).toBe(true);
    await page.waitForSelector('.latest-call.idle');
  });

  it('lists the calls before the current one, newest first, each ticket once', async () => {
    const page = await display();
    const labels: string[] = [];
    for (let i = 0; i < 7; i++) labels.push(await issueTicket(server, adminToken, 'chung-thuc'));
    const staff = await staffAt('canbo3', 6);
    for (let i = 0; i < 7; i++) await act(staff, 'counter:call-next', 6);
    expect((await staff.timeout(5000).emitWithAck('counter:recall', { counterId: 6 })).ok).toBe(true);

    await page.waitForSelector(`[data-latest-label="${labels[6]}"]`);
    await page.waitForFunction((l) => document.querySelector('[data-recent-label]')?.getAttribute('data-recent-label') === l, labels[5]);
    const recent = await page.$$eval('[data-recent-label]', (els) => els.map((e) => [e.getAttribute('data-recent-label'), e.getAttribute('data-recent-counter')]));
    expect(recent).toEqual([labels[5], labels[4], labels[3], labels[2], labels[1]].map((l) => [l, '6']));
  });

  for (const [name, size] of Object.entries({ '1920×1080': SCREENS.fullHd, '1280×720': SCREENS.hd })) {
    it(`shows every field's and counter's full name at ${name}`, async () => {
      const page = await display(size);
      for (let i = 0; i < 6; i++) await issueTicket(server, adminToken, 'chung-thuc');
      const staff = await staffAt('canbo3', 6);
      for (let i = 0; i < 6; i++) await act(staff, 'counter:call-next', 6);
      await page.waitForSelector('[data-recent-label]');
      const names = await page.$$eval('.wc-name', (els) => els.map((e) => e.textContent));
      expect(names).toContain('Lao động – Thương binh – Xã hội');
      expect(names).toContain('Văn phòng đăng ký đất đai');
      // Quầy 5 serves Hộ tịch and Tư pháp: its tile says both.
      expect(await page.textContent('.counter-tile[data-counter="5"] .tile-name')).toBe('Hộ tịch – Tư pháp');
      expect(await clippedTexts(page, '.wc-name, .wc-count, .wc-wait, .tile-counter, .tile-name, .tile-number, .latest-call div, .recent-calls li span, .clock div, .centre-name')).toEqual([]);
    });
  }

  it('puts the offline banner above the header instead of over the clock', async () => {
    const page = await display();
    const clockBefore = await boxOf(page, '.clock');
    await server.close();
    serverOpen = false;
    await page.waitForSelector('.connection-banner');
    const banner = await boxOf(page, '.connection-banner');
    expect(overlaps(banner, await boxOf(page, '.clock'))).toBe(false);
    expect(overlaps(banner, await boxOf(page, '.centre-name'))).toBe(false);
    expect((await boxOf(page, '.clock')).y).toBeGreaterThan(clockBefore.y);
    expect(await clippedTexts(page, '.clock div, .centre-name, .latest-call div')).toEqual([]);
  });
});
