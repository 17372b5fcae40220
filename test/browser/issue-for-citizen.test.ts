// A number for a citizen who cannot use the kiosk: an officer from the staff console, and the
// hall guide from their own screen, printed at the kiosk's printer or shown to be photographed.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { TicketPrinter } from '../../server/devices/printer';
import { hasChromium, launchBrowser } from '../support/browser';
import { consoleAt, newScreen, openWithToken, SCREENS, TOKEN_KEYS } from '../support/pages';
import { startTestServer, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('issuing a number for a citizen', () => {
  let browser: Browser;
  let server: TestServer;
  let context: BrowserContext;
  const printed: string[] = [];
  const printer: TicketPrinter = {
    description: 'recording printer',
    async print(job) {
      printed.push(job.label);
    },
    async status() {
      return 'ok';
    },
    async close() {},
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    printed.length = 0;
    server = await startTestServer({ deps: { printer } });
    context = await newScreen(browser, SCREENS.hd);
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  it('from the staff console: shown large with its QR code for the citizen to photograph, nothing printed', async () => {
    const desk = await consoleAt(context, server, 'canbo5', 5);
    await desk.click('[data-action="issue-for-citizen"]');
    await desk.click('.issue-field[data-service="ho-tich"]');
    await desk.click('[data-action="issue-photo"]');
    await desk.waitForSelector('.issued-number[data-label="2001"]');
    expect(await desk.textContent('.issued-paper')).toBe('Mời công dân chụp ảnh số này hoặc quét mã QR để theo dõi trên điện thoại.');
    const id = await desk.getAttribute('.issue-for-citizen', 'data-ticket-id');
    expect(await desk.getAttribute('.issued-qr', 'data-qr-text')).toContain(`/ticket/?id=${id}`);
    expect(printed).toEqual([]);
    expect(server.app.ctx.queue.state.tickets[id!]).toMatchObject({ source: 'counter', serviceId: 'ho-tich', status: 'waiting' });
    // Closing the dialog gives the desk its keys back: "n" calls the number just issued.
    await desk.click('.issue-for-citizen .plain-button:has-text("Đóng")');
    await desk.keyboard.press('n');
    await desk.waitForSelector('[data-current-label="2001"]');
  });

  it('by the hall guide, who has no counter: printed at the kiosk\'s printer', async () => {
    const admin = await server.login();
    const created = await server.http('POST', '/api/users', { username: 'huongdan1', name: 'Lê Thị Hướng', role: 'guide', password: 'mat-khau-dau-tien' }, admin);
    expect(created.status).toBe(201);
    const guide = await openWithToken(context, server, '/counter-display/?console', TOKEN_KEYS.staff, await server.login('huongdan1', 'mat-khau-dau-tien'));
    await guide.waitForSelector('.guide-desk');
    expect(await guide.locator('[data-counter]').count()).toBe(0);
    await guide.click('.issue-field[data-service="chung-thuc"]');
    await guide.click('input[name="priority"]');
    await guide.click('[data-action="issue-print"]');
    await guide.waitForSelector('.issued-number[data-label="1001"]');
    expect(await guide.textContent('.issued-paper')).toBe('Phiếu đã được in tại máy lấy số – mời công dân nhận phiếu.');
    expect(printed).toEqual(['1001']);
    const ticket = Object.values(server.app.ctx.queue.state.tickets).find((t) => t.label === '1001');
    expect(ticket).toMatchObject({ source: 'guide', priority: true });
    // A hall guide cannot call numbers.
    const call = await server.http('POST', '/api/counters/6/next', {}, await server.login('huongdan1'));
    expect(call.status).toBe(403);
  });
});
