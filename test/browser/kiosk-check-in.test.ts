// Checking an appointment in at the ticket kiosk, by touch only: the code typed on the drawn
// keypad, the ticket printed at the (emulated) network printer like any kiosk number, and the
// refusals a citizen may meet (a code nobody holds, a slot whose check-in has not opened yet).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bookOverHttp, openAppointmentBook, slotAhead } from '../support/appointment-book';
import { hasChromium, launchBrowser } from '../support/browser';
import { clippedTexts } from '../support/layout';
import { SCREENS } from '../support/pages';
import { startTestServer, type TestServer } from '../support/server';
import { startTcpPrinter, type TcpPrinterEmulator } from '../printer/tcp-printer-emulator';

const TOKEN_KEY = 'qms.kiosk.token';

describe.skipIf(!hasChromium)('checking an appointment in at the kiosk', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let server: TestServer;
  let printer: TcpPrinterEmulator;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    await server?.close();
    await printer?.close();
  });

  /** `fakeClock`: the page's timers run on Playwright's clock, moved on by the test. */
  async function kioskWithBook(viewport: { width: number; height: number } = SCREENS.fullHd, fakeClock = false): Promise<Page> {
    printer = await startTcpPrinter();
    server = await startTestServer({ deps: { printer: undefined }, env: { QMS_PRINTER: `tcp://127.0.0.1:${printer.port}` } });
    await openAppointmentBook(server, { serviceIds: ['ho-tich'], slotMinutes: 5, checkInEarlyMinutes: 30 });
    const token = await server.pair('kiosk-1');
    context = await browser.newContext({ viewport, hasTouch: true });
    context.setDefaultTimeout(15_000);
    await context.addInitScript(([k, v]) => localStorage.setItem(k, v), [TOKEN_KEY, token] as const);
    if (fakeClock) await context.clock.install();
    const page = await context.newPage();
    await page.goto(`${server.url}/kiosk/`);
    await page.locator('[data-service="ho-tich"]:enabled').waitFor();
    return page;
  }

  async function typeCode(page: Page, code: string): Promise<void> {
    await page.tap('[data-action="appointment"]');
    for (const c of code) await page.tap(`.osk-code [data-key="${c}"]`);
    expect(await page.getAttribute('.code-boxes', 'data-code')).toBe(code);
    await page.tap('[data-action="check-in"]');
  }

  it('prints the ticket of a code typed on the keypad and shows its number with the slot', async () => {
    const page = await kioskWithBook();
    const slot = slotAhead(5, 5);
    const code = await bookOverHttp(server, { serviceId: 'ho-tich', ...slot, phone: '0912345678' });

    // The pad has the code's characters only: nothing to confuse with O, I, 0 or 1.
    await page.tap('[data-action="appointment"]');
    for (const absent of ['O', 'I', '0', '1']) expect(await page.locator(`.osk-code [data-key="${absent}"]`).count()).toBe(0);
    expect(await clippedTexts(page, '.booking-code-entry h1, .booking-code-entry .kiosk-lead, .osk-key, .code-actions button')).toEqual([]);
    await page.tap('.code-actions .kiosk-back');
    await typeCode(page, code);

    await page.locator('.confirmation-number').waitFor();
    const label = await page.textContent('.confirmation-number');
    expect(await clippedTexts(page, '.confirmation *')).toEqual([]);
    expect(await page.textContent('.confirmation-appointment')).toBe(`Lịch hẹn ${slot.start}`);
    expect(await page.textContent('.confirmation-take')).toBe('Vui lòng nhận phiếu');
    const ticketId = await page.getAttribute('.confirmation', 'data-ticket-id');
    expect(server.app.ctx.queue.state.tickets[ticketId!]).toMatchObject({ label, serviceId: 'ho-tich', source: 'kiosk', appointment: { bookingId: expect.any(String) } });
    const [paper] = await printer.waitForTickets(1, 15_000);
    // The paper is the kiosk's usual ticket: its number's page in the QR code.
    expect(paper.includes(Buffer.from(`/ticket/?id=${encodeURIComponent(ticketId!)}`))).toBe(true);
    expect((await server.http('GET', `/api/appointments/${code}`)).body).toMatchObject({ state: 'checked-in', ticketId });

    // The same code again (a lost paper): the same number, said to be the one already given.
    await page.tap('.kiosk-done');
    await typeCode(page, code);
    await page.locator('.confirmation-again').waitFor();
    expect(await page.textContent('.confirmation-number')).toBe(label);
    expect(await clippedTexts(page, '.confirmation *')).toEqual([]);
    expect(await page.getAttribute('.confirmation', 'data-ticket-id')).toBe(ticketId);
    await printer.waitForTickets(2, 15_000);

    // Once the number has been called, the code gives no more paper: the citizen is told to ask.
    const staff = await server.login('canbo5');
    await server.http('POST', '/api/counters/5/sign-in', undefined, staff);
    expect((await server.http('POST', '/api/counters/5/next', {}, staff)).body).toMatchObject({ label });
    await page.tap('.kiosk-done');
    await page.locator('[data-action="appointment"]:enabled').waitFor();
    await typeCode(page, code);
    await page.locator('.refusal[data-code="already-checked-in"]').waitFor();
    expect(await page.textContent('.refusal-text')).toBe(`Lịch hẹn này đã được xác nhận và số ${label} đã được gọi. Xin vui lòng hỏi cán bộ hướng dẫn.`);
    expect(printer.tickets).toHaveLength(2);
  });

  it('fits the button and the keypad whole on a portrait screen', async () => {
    const page = await kioskWithBook({ width: 1080, height: 1920 });
    expect(await clippedTexts(page, '.action-button span, .action-button small')).toEqual([]);
    await page.tap('[data-action="appointment"]');
    expect(await clippedTexts(page, '.booking-code-entry h1, .booking-code-entry .kiosk-lead, .code-box, .osk-key, .code-actions button')).toEqual([]);
  });

  it('goes back to the fields when nobody touches the keypad for a minute, each touch starting the minute again', async () => {
    const page = await kioskWithBook(SCREENS.fullHd, true);
    await page.tap('[data-action="appointment"]');
    await page.tap('.osk-code [data-key="A"]');
    await page.clock.fastForward(40_000);
    await page.tap('.osk-code [data-key="B"]');
    await page.clock.fastForward(40_000);
    expect(await page.getAttribute('.code-boxes', 'data-code')).toBe('AB');
    await page.clock.fastForward(21_000);
    await page.locator('[data-action="appointment"]').waitFor();
    expect(await page.locator('.booking-code-entry').count()).toBe(0);
    // The next citizen starts with an empty code.
    await page.tap('[data-action="appointment"]');
    expect(await page.getAttribute('.code-boxes', 'data-code')).toBe('');
  });

  it('says so when nobody holds the code, and takes the citizen back to the keypad with it', async () => {
    const page = await kioskWithBook();
    await typeCode(page, 'ZZZZZ9');
    await page.locator('.refusal[data-code="unknown-booking"]').waitFor();
    expect(await page.textContent('.refusal h1')).toBe('Chưa xác nhận được lịch hẹn');
    expect(await page.textContent('.refusal-text')).toBe('Không tìm thấy lịch hẹn có mã ZZZZZ9. Xin kiểm tra lại mã, hoặc hỏi cán bộ hướng dẫn.');
    await page.tap('[data-action="retry"]');
    expect(await page.getAttribute('.code-boxes', 'data-code')).toBe('ZZZZZ9');
    await page.tap('.osk-code [data-key="backspace"]');
    expect(await page.getAttribute('.code-boxes', 'data-code')).toBe('ZZZZZ');
    expect(await page.locator('[data-action="check-in"]:disabled').count()).toBe(1);
    expect(printer.tickets).toHaveLength(0);
    expect(Object.keys(server.app.ctx.queue.state.tickets)).toHaveLength(0);
  });

  it('tells a citizen who is too early when check-in opens, and issues nothing', async () => {
    const page = await kioskWithBook();
    const slot = slotAhead(50, 5);
    const code = await bookOverHttp(server, { serviceId: 'ho-tich', ...slot, phone: '0987654321' });
    const opens = await server.http('GET', `/api/appointments/${code}`);
    const opensAt = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(opens.body.checkInFrom);

    await typeCode(page, code);
    await page.locator('.refusal[data-code="check-in-too-early"]').waitFor();
    expect(await page.textContent('.refusal-text')).toBe(`Lịch hẹn của bạn lúc ${slot.start}. Máy nhận xác nhận từ ${opensAt} – xin vui lòng quay lại lúc đó.`);
    expect(await page.locator('[data-action="retry"]').count()).toBe(0);
    expect(Object.keys(server.app.ctx.queue.state.tickets)).toHaveLength(0);
    expect(printer.tickets).toHaveLength(0);
    // A touch goes back to the fields, as after any refusal.
    await page.tap('.refusal');
    await page.locator('[data-action="appointment"]').waitFor();
  });
});
