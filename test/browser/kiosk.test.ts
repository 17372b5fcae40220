// The ticket kiosk in a real browser, as a citizen taps it: the number on screen, the ticket
// in the server's queue and on the (emulated) network printer, priority, a printer out of
// paper, the server going away and coming back, opening hours and daily caps, a full disk.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CentreConfig } from '@protocol/config';
import type { Ticket } from '@protocol/queue';
import { hasChromium, launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { smallDisk } from '../support/small-disk';
import { startTcpPrinter, type TcpPrinterEmulator } from '../printer/tcp-printer-emulator';

const TOKEN_KEY = 'qms.kiosk.token';

const ticketsOf = (server: TestServer): Ticket[] => Object.values(server.app.ctx.queue.state.tickets);

describe.skipIf(!hasChromium)('ticket kiosk', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function server(opts: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
    const s = await startTestServer(opts);
    cleanups.push(() => s.close());
    return s;
  }

  async function printerEmulator(status?: 'ok' | 'paper-out'): Promise<TcpPrinterEmulator> {
    const p = await startTcpPrinter(status ? { status } : {});
    cleanups.push(() => p.close());
    return p;
  }

  /** A kiosk that was paired before, showing its field buttons. */
  async function openKiosk(s: TestServer, viewport = { width: 1920, height: 1080 }): Promise<Page> {
    const token = await s.pair('kiosk-1');
    context = await browser.newContext({ viewport });
    await context.addInitScript(([k, v]) => localStorage.setItem(k, v), [TOKEN_KEY, token] as const);
    const page = await context.newPage();
    await page.goto(`${s.url}/kiosk/`);
    await page.locator('[data-service="ho-tich"]:enabled').waitFor();
    return page;
  }

  async function putConfig(s: TestServer, change: (c: CentreConfig) => CentreConfig): Promise<void> {
    const admin = await s.login();
    const current = await s.http('GET', '/api/config', undefined, admin);
    const res = await s.http('PUT', '/api/config', change(current.body as CentreConfig), admin);
    expect(res.status).toBe(200);
  }

  it('shows the number after a tap on a field, queues the ticket and prints it on the network printer', async () => {
    const printer = await printerEmulator();
    const s = await server({ deps: { printer: undefined }, env: { QMS_PRINTER: `tcp://127.0.0.1:${printer.port}` } });
    const page = await openKiosk(s);

    await page.click('[data-service="ho-tich"]');
    await page.locator('.confirmation-number').waitFor();
    expect(await page.textContent('.confirmation-number')).toBe('2001');
    expect(await page.textContent('.confirmation-field')).toBe('Hộ tịch');
    expect(await page.textContent('.confirmation-take')).toBe('Vui lòng nhận phiếu');
    expect(await page.locator('.confirmation-printer-failed').count()).toBe(0);

    const ticket = ticketsOf(s).find((t) => t.label === '2001');
    expect(ticket).toMatchObject({ serviceId: 'ho-tich', source: 'kiosk', priority: false, status: 'waiting' });
    expect(await page.getAttribute('.confirmation', 'data-ticket-id')).toBe(ticket!.id);

    const [paper] = await printer.waitForTickets(1, 15_000);
    expect(printer.tickets).toHaveLength(1);
    // The QR code is stored in the printer with GS ( k as plain bytes: the ticket's own page.
    expect(paper.includes(Buffer.from(`/ticket/?id=${encodeURIComponent(ticket!.id)}`))).toBe(true);

    // A touch anywhere goes back to the start, where the field now counts one waiting.
    await page.click('.confirmation-number');
    await page.locator('[data-service="ho-tich"] .field-waiting', { hasText: '1 người đang chờ' }).waitFor();
  });

  it('records the priority category chosen before the field on the ticket', async () => {
    const s = await server();
    const page = await openKiosk(s);

    await page.click('.priority-button');
    await page.click('[data-category="nguoi-cao-tuoi"]');
    await page.locator('.priority-banner', { hasText: 'Người cao tuổi' }).waitFor();
    await page.click('[data-service="chung-thuc"]');

    await page.locator('.confirmation-priority').waitFor();
    expect(await page.textContent('.confirmation-priority')).toBe('SỐ ƯU TIÊN – Người cao tuổi');
    const label = await page.textContent('.confirmation-number');
    const ticket = ticketsOf(s).find((t) => t.label === label);
    expect(ticket).toMatchObject({ serviceId: 'chung-thuc', priority: true, priorityCategoryId: 'nguoi-cao-tuoi' });
  });

  it('keeps the number large on screen with the printer message and a QR code when the printer is out of paper', async () => {
    const printer = await printerEmulator('paper-out');
    const s = await server({ deps: { printer: undefined }, env: { QMS_PRINTER: `tcp://127.0.0.1:${printer.port}` } });
    const page = await openKiosk(s);

    await page.click('[data-service="dat-dai"]');
    await page.locator('.confirmation-printer-failed').waitFor();
    expect(await page.textContent('.confirmation-printer-failed')).toBe('Máy in đang gặp sự cố – vui lòng chụp ảnh số này hoặc ghi lại');
    expect(await page.textContent('.confirmation-number')).toBe('3001');
    const numberHeight = await page.locator('.confirmation-number').evaluate((el) => el.getBoundingClientRect().height);
    expect(numberHeight).toBeGreaterThan(200);

    const ticket = ticketsOf(s).find((t) => t.label === '3001');
    expect(ticket).toMatchObject({ serviceId: 'dat-dai', status: 'waiting' });
    const qr = page.locator('.confirmation-qr img');
    await qr.waitFor();
    expect(await qr.getAttribute('data-qr-text')).toMatch(new RegExp(`/ticket/\\?id=${ticket!.id}$`));
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(printer.tickets).toHaveLength(0);

    // A stray touch must not take away a number nobody has on paper.
    await page.click('.confirmation-number');
    expect(await page.locator('.confirmation-number').isVisible()).toBe(true);
  });

  it('disables the fields while the server is unreachable and issues again once it is back, without a reload', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-kiosk-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await startTestServer({ dataDir });
    let firstOpen = true;
    cleanups.push(async () => firstOpen && first.close());
    const port = new URL(first.url).port;
    const page = await openKiosk(first);

    await first.close();
    firstOpen = false;
    await page.locator('.kiosk-offline', { hasText: 'mất kết nối' }).waitFor();
    await page.locator('[data-service="ho-tich"]:disabled').waitFor();
    expect(await page.locator('.field-button:enabled').count()).toBe(0);

    const second = await server({ dataDir, env: { PORT: port } });
    await page.locator('.kiosk-offline').waitFor({ state: 'detached' });
    await page.click('[data-service="ho-tich"]');
    await page.locator('.confirmation-number').waitFor();
    const label = await page.textContent('.confirmation-number');
    expect(ticketsOf(second).map((t) => t.label)).toEqual([label]);
  });

  it('says it is outside opening hours before anyone taps and issues nothing', async () => {
    const s = await server();
    const page = await openKiosk(s);

    // Every day open only in a window far from the centre's time now (a week with no hours at all is refused).
    const hourNow = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' }).format(Date.now()));
    const elsewhere: [string, string][] = hourNow < 12 ? [['20:00', '21:00']] : [['02:00', '03:00']];
    await putConfig(s, (c) => ({ ...c, openingHours: { ...c.openingHours, enforce: true, weekly: Array.from({ length: 7 }, () => elsewhere) } }));
    await page.locator('.closed-notice', { hasText: 'Hiện ngoài giờ làm việc' }).waitFor();
    expect(await page.locator('.field-button').count()).toBe(0);
    expect(await page.locator('.priority-button').count()).toBe(0);
    expect(ticketsOf(s)).toHaveLength(0);
  });

  it('explains politely that a field reached its daily cap and gives no ticket', async () => {
    const s = await server();
    await putConfig(s, (c) => ({ ...c, services: c.services.map((x) => (x.id === 'thue' ? { ...x, dailyCap: 1 } : x)) }));
    const page = await openKiosk(s);

    await page.click('[data-service="thue"]');
    await page.locator('.confirmation-number').waitFor();
    await page.click('.kiosk-done');
    await page.click('[data-service="thue"]');

    await page.locator('.refusal[data-code="daily-cap-reached"]').waitFor();
    expect(await page.textContent('.refusal-text')).toBe(
      'Lĩnh vực Thuế đã hết số thứ tự trong ngày hôm nay. Xin vui lòng quay lại vào ngày làm việc tiếp theo.',
    );
    expect(await page.locator('.confirmation-number').count()).toBe(0);
    expect(ticketsOf(s).filter((t) => t.serviceId === 'thue')).toHaveLength(1);

    await page.click('.refusal');
    await page.locator('[data-service="thue"]').waitFor();
  });

  it('says plainly that it cannot issue while the disk is full, and issues again once space is back', async () => {
    const disk = await smallDisk(16);
    cleanups.push(() => disk.dispose());
    const dataDir = join(disk.dir, 'data');
    await mkdir(dataDir);
    const s = await server({ dataDir });
    const page = await openKiosk(s);
    await disk.fill();

    // The journal's last page may still hold a line or two; then the refusal comes.
    let confirmed = 0;
    for (let tap = 0; tap < 20; tap++) {
      await page.click('[data-service="ho-tich"]');
      await page.locator('.confirmation-number, .refusal').first().waitFor();
      if ((await page.locator('.refusal').count()) > 0) break;
      confirmed++;
      await page.click('.kiosk-done');
    }
    await page.locator('.refusal[data-code="storage-unavailable"]').waitFor();
    expect(await page.textContent('.refusal-text')).toBe('Hệ thống đang tạm ngừng cấp số vì sự cố lưu dữ liệu. Cán bộ đã được báo; xin vui lòng chờ ít phút rồi thử lại.');
    expect(ticketsOf(s)).toHaveLength(confirmed);

    await disk.free();
    await page.click('.refusal');
    await expect
      .poll(
        async () => {
          await page.click('[data-service="ho-tich"]');
          await page.locator('.confirmation-number, .refusal').first().waitFor();
          const shown = await page.locator('.confirmation-number').count();
          await page.click(shown ? '.kiosk-done' : '.refusal');
          return shown;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(1);
    expect(ticketsOf(s)).toHaveLength(confirmed + 1);
  });

  it('fits every field on a portrait screen without scrolling', async () => {
    const s = await server();
    const page = await openKiosk(s, { width: 1080, height: 1920 });
    const overflow = await page.evaluate(() => {
      const last = [...document.querySelectorAll('.field-button, .action-button')].map((b) => b.getBoundingClientRect().bottom);
      return Math.max(...last) - window.innerHeight;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    const active = s.app.ctx.centre.get().services.filter((x) => x.active).length;
    expect(await page.locator('.field-button').count()).toBe(active);
  });
});
