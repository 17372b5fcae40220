// The citizen's phone page (/ticket/?id=…) in a real browser on a phone-sized screen,
// following one ticket while a staff member works the line over a real socket.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueueEvent } from '@protocol/queue';
import { hasChromium, launchBrowser } from '../support/browser';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

const COUNTER = 6;

describe.skipIf(!hasChromium)('the phone page of a ticket', () => {
  let browser: Browser;
  let server: TestServer;
  let staff: TestClient;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer();
    staff = (await server.client(await server.login('canbo1'))).socket;
    expect(await staff.emitWithAck('counter:sign-in', { counterId: COUNTER })).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await server.close();
  });

  async function issue(): Promise<string> {
    const res = await staff.emitWithAck('ticket:issue', { serviceId: 'chung-thuc' });
    if (!res.ok) throw new Error(res.error.code);
    return res.data.id;
  }

  async function act(command: 'counter:call-next' | 'counter:finish'): Promise<void> {
    expect(await staff.emitWithAck(command, { counterId: COUNTER })).toMatchObject({ ok: true });
  }

  /** A phone with no account, whose vibrations are recorded in window.vibrations. */
  async function openPhone(ticketId: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { vibrations: unknown[] };
      w.vibrations = [];
      navigator.vibrate = (pattern) => {
        w.vibrations.push(pattern);
        return true;
      };
    });
    await page.goto(`${server.url}/ticket/?id=${encodeURIComponent(ticketId)}`);
    return page;
  }

  const vibrations = (page: Page) => page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length);

  it('follows its place in line, shows and buzzes the call, then takes one rating', async () => {
    await issue();
    await issue();
    const mine = await issue();
    const page = await openPhone(mine);
    const ahead = page.locator('.ahead');
    await expect.poll(() => ahead.textContent()).toBe('Còn 2 người trước bạn');
    expect(await page.locator('.ticket-label').textContent()).toBe('1003');
    expect(await page.locator('.ticket-status').textContent()).toBe('Đang chờ');
    // The browser lets the page buzz only after a touch.
    await page.locator('.vibrate-opt-in').tap();
    await page.locator('.vibrate-on').waitFor();

    await act('counter:call-next');
    await expect.poll(() => ahead.textContent()).toBe('Còn 1 người trước bạn');
    await act('counter:call-next');
    await expect.poll(() => ahead.textContent()).toBe('Sắp đến lượt bạn!');
    expect(await vibrations(page)).toBe(0);

    await act('counter:call-next');
    const call = page.locator('.call');
    await expect.poll(() => call.textContent()).toBe('Mời đến Quầy 6 – Chứng thực');
    expect(await page.locator('.ticket-status').textContent()).toBe('Đang phục vụ');
    // The buzz comes from an effect just after the screen changes.
    await expect.poll(() => vibrations(page)).toBe(1);

    await act('counter:finish');
    const form = page.locator('.rating-section');
    await expect.poll(() => form.locator('.rating-level .rating-label').allTextContents()).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    expect(await page.locator('.ticket-status').textContent()).toBe('Đã hoàn thành');
    await form.locator('.rating-level[data-score="2"]').tap();
    await expect.poll(() => page.locator('.given .rated-level').textContent()).toBe('Hài lòng');
    expect(server.app.ctx.queue.state.tickets[mine].rating).toMatchObject({ score: 2, via: 'phone' });

    // Rated once: a reload shows the rating given, and no form to rate again.
    await page.reload();
    await page.locator('.given').waitFor();
    expect(await page.locator('.rating-level').count()).toBe(0);
    const journalFile = join(server.dataDir, 'journal', `${server.app.ctx.queue.state.day}.jsonl`);
    const events = (await readFile(journalFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as QueueEvent);
    expect(events.filter((e) => e.type === 'ticket.rated')).toEqual([expect.objectContaining({ ticketId: mine, score: 2, staffId: 'canbo1' })]);
  });

  it('lists the counters of its field with the expected wait, and buzzes when three are left ahead', async () => {
    for (let i = 0; i < 4; i++) await issue();
    const mine = await issue();
    const page = await openPhone(mine);
    await expect.poll(() => page.locator('.ahead').textContent()).toBe('Còn 4 người trước bạn');
    // One counter open at the default 8 minutes a citizen, four ahead: about half an hour.
    expect(await page.locator('.estimate').textContent()).toMatch(/^Thời gian chờ dự kiến: khoảng \d+–\d+ phút$/);
    expect(await page.locator('.serving-counters li[data-counter]').allTextContents()).toEqual([
      'Quầy 6 – Chứng thực đang làm việc',
      'Quầy 7 – Chứng thực – Hộ tịch chưa mở',
    ]);
    expect(await page.locator('.near-turn').count()).toBe(0);
    await page.locator('.vibrate-opt-in').tap();

    await act('counter:call-next');
    await expect.poll(() => page.locator('.ahead').textContent()).toBe('Còn 3 người trước bạn');
    await page.locator('.near-turn').waitFor();
    await expect.poll(() => vibrations(page)).toBe(1);
    // Once: the next place forward does not buzz again.
    await act('counter:finish');
    await act('counter:call-next');
    await expect.poll(() => page.locator('.ahead').textContent()).toBe('Còn 2 người trước bạn');
    expect(await vibrations(page)).toBe(1);
    // Everything on the page fits the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('asks a reason for "Không hài lòng" and shows the rating with it', async () => {
    const mine = await issue();
    await act('counter:call-next');
    await act('counter:finish');
    const page = await openPhone(mine);
    await page.locator('.rating-level[data-score="1"]').tap();
    await page.locator('.rating-reason', { hasText: 'Hướng dẫn chưa rõ' }).tap();
    await page.locator('.given').waitFor();
    expect(await page.locator('.given .rated-reason').textContent()).toBe('Hướng dẫn chưa rõ');
    expect(server.app.ctx.queue.state.tickets[mine].rating).toMatchObject({ score: 1, reason: 'Hướng dẫn chưa rõ', via: 'phone' });
  });

  it('watches its ticket again after the connection drops', async () => {
    await issue();
    const mine = await issue();
    const page = await openPhone(mine);
    await expect.poll(() => page.locator('.ahead').textContent()).toBe('Còn 1 người trước bạn');
    const room = () => server.app.io.of('/').adapter.rooms.get(`ticket:${mine}`)?.size ?? 0;
    expect(room()).toBe(1);

    // The network drops under the page (not a server-side kick, which socket.io never retries).
    for (const s of server.app.io.of('/').sockets.values()) if (s.data.principal.role === 'public') s.conn.close();
    expect(room()).toBe(0);
    await expect.poll(room, { timeout: 10_000 }).toBe(1);

    await act('counter:call-next');
    await expect.poll(() => page.locator('.ahead').textContent()).toBe('Sắp đến lượt bạn!');
  });

  it('shows a rating already given at the counter, with nothing left to rate', async () => {
    const mine = await issue();
    await act('counter:call-next');
    await act('counter:finish');
    const terminal = (await server.client(await server.pair(`rating-terminal-${COUNTER}`))).socket;
    expect(await terminal.emitWithAck('ticket:rate', { ticketId: mine, score: 3 })).toMatchObject({ ok: true });

    const page = await openPhone(mine);
    await expect.poll(() => page.locator('.given .rated-level').textContent()).toBe('Rất hài lòng');
    expect(await page.locator('.rating-level').count()).toBe(0);
  });

  it('says when a number was skipped for absence, and when a ticket is unknown', async () => {
    const mine = await issue();
    await act('counter:call-next');
    expect(await staff.emitWithAck('counter:no-show', { counterId: COUNTER })).toMatchObject({ ok: true });
    const page = await openPhone(mine);
    await expect.poll(() => page.locator('.ticket-status').textContent()).toBe('Vắng mặt');
    expect(await page.locator('.rating-level').count()).toBe(0);

    await page.goto(`${server.url}/ticket/?id=khong-co-phieu-nay`);
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Không tìm thấy phiếu này.');
  });
});
