// Appointments booked for a caller at the staff console (1280×720, the office PC): the officer
// picks the field, day and a slot with places, types the caller's phone and name, and reads the
// code out; the booking is then what the HTTP API says it is, and cancelling it frees its place.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { bookOverHttp, openAppointmentBook } from '../support/appointment-book';
import { hasChromium, launchBrowser } from '../support/browser';
import { clippedTexts } from '../support/layout';
import { consoleAt, newScreen, openWithToken, SCREENS, TOKEN_KEYS } from '../support/pages';
import { startTestServer, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('booking an appointment for a caller at the staff console', () => {
  let browser: Browser;
  let server: TestServer;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer();
    // Tomorrow's slots, so the test does not depend on the hour it runs at.
    await openAppointmentBook(server, { serviceIds: ['ho-tich', 'dat-dai'], slotMinutes: 30, capacity: 2 });
    context = await newScreen(browser, SCREENS.hd);
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  it('books a slot from the desk, shows the code to read out, and the HTTP look-up has the same slot and phone', async () => {
    const desk = await consoleAt(context, server, 'canbo5', 5);
    await desk.click('[data-action="book-appointment"]');
    await desk.click('.book-for-caller .issue-field[data-service="dat-dai"]');
    const days = (await server.http('GET', '/api/appointments/slots?serviceId=dat-dai&day=2000-01-01')).body.days as string[];
    const tomorrow = days[1];
    await desk.selectOption('select[name="day"]', tomorrow);
    await desk.click('.slot[data-slot="09:30"]');
    expect(await desk.textContent('.slot[data-slot="09:30"]')).toBe('09:30–10:00còn 2 chỗ');
    await desk.fill('input[name="phone"]', '0912 345 678');
    await desk.fill('input[name="name"]', 'Nguyễn Văn An');
    // (The slots scroll in their own box: a whole day of them does not fit on the screen.)
    expect(await clippedTexts(desk, '.appointment-dialog h2, .appointment-dialog label, .dialog-tabs button, .issue-field, .dialog-buttons button, .slot[data-slot="09:30"]')).toEqual([]);
    await desk.click('[data-action="book"]');

    await desk.waitForSelector('.book-for-caller.booked');
    const code = (await desk.getAttribute('.book-for-caller.booked', 'data-booking-code'))!;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(await desk.textContent('.booking-code')).toBe(code);
    expect(await desk.textContent('.booked-when')).toContain('Đất đai – ');
    expect(await desk.textContent('.booked-when')).toContain(', 09:30–10:00');
    const found = await server.http('GET', `/api/appointments/${code}`);
    expect(found).toMatchObject({ status: 200, body: { serviceId: 'dat-dai', day: tomorrow, start: '09:30', end: '10:00', phoneMasked: '09•• ••• 678', name: 'Nguyễn Văn An', state: 'booked' } });
    expect(server.app.ctx.bookings.byCode(code)).toMatchObject({ phone: '0912345678', via: 'staff' });

    // Another booking of the same slot leaves one place, as the desk then shows.
    await desk.click('.book-for-caller.booked .plain-button');
    await desk.selectOption('select[name="day"]', tomorrow);
    await desk.locator('.slot[data-slot="09:30"]', { hasText: 'còn 1 chỗ' }).waitFor();

    // Found by its code and cancelled: the place is free again.
    await desk.click('.dialog-tabs [data-tab="find"]');
    await desk.fill('input[name="code"]', code.toLowerCase());
    await desk.click('[data-action="find-booking"]');
    await desk.waitForSelector(`.booking-found[data-booking-code="${code}"][data-state="booked"]`);
    await desk.click('[data-action="cancel-booking"]');
    await desk.click('[data-action="cancel-booking-sure"]');
    await desk.waitForSelector('.booking-found[data-state="cancelled"]');
    expect((await server.http('GET', `/api/appointments/${code}`)).body.state).toBe('cancelled');
    const slots = (await server.http('GET', `/api/appointments/slots?serviceId=dat-dai&day=${tomorrow}`)).body.slots as { start: string; free: number }[];
    expect(slots.find((s) => s.start === '09:30')?.free).toBe(2);
  });

  it('lets the hall guide book, with the server\u2019s refusals in Vietnamese and a slot filled meanwhile shown full', async () => {
    const admin = await server.login();
    await server.http('POST', '/api/users', { username: 'huongdan1', name: 'Lê Thị Hướng', role: 'guide', password: 'mat-khau-dau-tien' }, admin);
    const guide = await openWithToken(context, server, '/counter-display/?console', TOKEN_KEYS.staff, await server.login('huongdan1', 'mat-khau-dau-tien'));
    await guide.click('.guide-desk [data-action="book-appointment"]');
    await guide.click('.book-for-caller .issue-field[data-service="ho-tich"]');
    const days = (await server.http('GET', '/api/appointments/slots?serviceId=ho-tich&day=2000-01-01')).body.days as string[];
    await guide.selectOption('select[name="day"]', days[1]);
    await guide.click('.slot[data-slot="14:00"]');
    await guide.fill('input[name="phone"]', '123456789');
    await guide.click('[data-action="book"]');
    await guide.waitForSelector('.book-for-caller .error');
    expect(await guide.textContent('.book-for-caller .error')).toBe('Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0).');
    // Meanwhile two callers of the one-stop-shop software take both places of 14:00.
    for (const phone of ['0900000001', '0900000002']) await bookOverHttp(server, { serviceId: 'ho-tich', day: days[1], start: '14:00', phone });
    await guide.fill('input[name="phone"]', '0987654321');
    await guide.click('[data-action="book"]');
    await guide.waitForSelector('.book-for-caller .error:has-text("Khung giờ này đã kín lịch, xin chọn khung giờ khác.")');
    await guide.locator('.slot[data-slot="14:00"]:disabled', { hasText: 'hết chỗ' }).waitFor();
    await guide.click('.slot[data-slot="14:30"]');
    await guide.click('[data-action="book"]');
    await guide.waitForSelector('.book-for-caller.booked');
    const code = (await guide.getAttribute('.book-for-caller.booked', 'data-booking-code'))!;
    expect((await server.http('GET', `/api/appointments/${code}`)).body).toMatchObject({ serviceId: 'ho-tich', day: days[1], start: '14:30', phoneMasked: '09•• ••• 321' });
  });
});
