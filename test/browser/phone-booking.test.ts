// Appointments from a citizen's phone in a real browser at a phone's size: booking a slot from
// the take-number page and seeing its code and QR code, the phone's list of bookings across a
// reload, a refusal in the server's words, the count-down and the alert when check-in opens,
// checking in and following the ticket, and cancelling after a confirmation. The server's clock
// is moved forward (never back) to reach the check-in window of tomorrow's slot.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, localClock, weekdayOf } from '@protocol/calendar-days';
import type { CentreConfig } from '@protocol/config';
import { hasChromium, launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

const TZ = 'Asia/Ho_Chi_Minh';
const MINUTE = 60_000;

describe.skipIf(!hasChromium)('appointments from the phone', () => {
  let browser: Browser;
  let server: TestServer;
  let admin: string;
  /** How far the server's clock is ahead of the real one. */
  let shift = 0;
  let today: string;
  let tomorrow: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    shift = 0;
    server = await startTestServer({ deps: { clock: () => Date.now() + shift } });
    admin = await server.login();
    const current = (await server.http('GET', '/api/config', undefined, admin)).body as CentreConfig;
    // Half-hour slots of two places all day every day, except the day after tomorrow (closed).
    const offer = (await server.http('GET', '/api/phone-numbers')).body;
    today = offer.appointments.days[0];
    tomorrow = addDays(today, 1);
    const closed = weekdayOf(addDays(today, 2));
    const week = Array.from({ length: 7 }, (_, day) => (day === closed ? [] : [{ from: '00:00', to: '23:30', capacity: 2 }]));
    const config: CentreConfig = {
      ...current,
      openingHours: { ...current.openingHours, enforce: false, holidays: [], repeatingHolidays: [] },
      phoneNumbers: { ...current.phoneNumbers, enabled: true, from: '00:00', to: '23:59' },
      appointments: {
        ...current.appointments,
        enabled: true,
        daysAhead: 6,
        checkInEarlyMinutes: 30,
        checkInLateMinutes: 15,
        perPhonePerDay: 1,
        fields: ['ho-tich', 'chung-thuc'].map((serviceId) => ({ serviceId, slotMinutes: 30, weekly: week })),
      },
    };
    expect((await server.http('PUT', '/api/config', config, admin)).status).toBe(200);
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await server.close();
  });

  /** A phone with no account, whose vibrations are recorded in window.vibrations. */
  async function phone(path: string): Promise<Page> {
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
    await page.goto(`${server.url}${path}`);
    return page;
  }

  const bookOverHttp = (phoneNumber: string, start: string, day = tomorrow, serviceId = 'ho-tich') =>
    server.http('POST', '/api/appointments', { serviceId, day, start, phone: phoneNumber });
  const dm = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

  it('books a slot from the take-number page and shows its code and QR code; the phone lists it after a reload', async () => {
    // 09:30 tomorrow is already full.
    for (const p of ['0911000001', '0911000002']) expect((await bookOverHttp(p, '09:30')).status).toBe(201);
    const page = await phone('/ticket/');
    await page.locator('.book-entry').tap();
    await page.waitForURL(/\/ticket\/\?book$/);
    await page.locator('.book-field[data-service="ho-tich"]').tap();
    // Every bookable day is shown; the closed one cannot be chosen.
    expect(await page.locator('.book-day').count()).toBe(7);
    expect(await page.locator(`.book-day[data-day="${today}"]`).textContent()).toBe(`Hôm nay, ${dm(today)}`);
    const closedDay = page.locator(`.book-day[data-day="${addDays(today, 2)}"]`);
    expect(await closedDay.isDisabled()).toBe(true);
    expect(await closedDay.textContent()).toContain('Nghỉ');
    await page.locator(`.book-day[data-day="${tomorrow}"]`).tap();
    const slot = page.locator('.book-slot[data-start="09:00"]');
    await slot.waitFor();
    expect(await slot.textContent()).toBe('09:00–09:30còn 2 chỗ');
    const full = page.locator('.book-slot[data-start="09:30"]');
    expect(await full.textContent()).toContain('Đã kín');
    expect(await full.isDisabled()).toBe(true);
    await slot.tap();
    await page.locator('.take-phone input[type="tel"]').fill('0912 345 678');
    await page.locator('.book-name input').fill('Nguyễn Văn An');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('.book-submit').tap();

    await page.waitForURL(/\/ticket\/\?booking=[A-Z2-9]{6}&new=1$/);
    await page.locator('.booking-code').waitFor();
    const code = (await page.locator('.booking-code').textContent())!;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(page.url()).toContain(`booking=${code}`);
    expect(await page.locator('.taken').textContent()).toContain('Bạn đã đặt lịch hẹn thành công');
    await page.locator('.booking-qr[data-qr-text]').waitFor();
    expect(await page.locator('.booking-qr').getAttribute('data-qr-text')).toBe(`${server.url}/ticket/?booking=${code}`);
    expect(await page.locator('.booking-card .ticket-service').textContent()).toBe('Hộ tịch');
    expect(await page.locator('.booking-when').textContent()).toBe(`Ngày mai, ${dm(tomorrow)} · 09:00–09:30`);
    expect(await page.locator('.booking-state').textContent()).toBe('Đã đặt lịch');
    expect(await page.locator('.booking-detail').first().textContent()).toBe('Số điện thoại: 09•• ••• 678');
    expect(await page.locator('.booking-window').textContent()).toBe('Nhận số thứ tự từ 08:30 đến 09:15');
    // Not yet: the button waits for the window, and says why.
    expect(await page.locator('.check-in-button').isDisabled()).toBe(true);
    expect(await page.locator('.check-in-reason').textContent()).toBe(`Chưa đến giờ nhận số: mở từ 08:30 ngày ${dm(tomorrow)}.`);
    expect(await page.locator('.reminder').textContent()).toMatch(/^Còn .+ đến giờ hẹn$/);
    expect(server.app.ctx.bookings.byCode(code)).toMatchObject({ serviceId: 'ho-tich', day: tomorrow, start: '09:00', phone: '0912345678', name: 'Nguyễn Văn An', via: 'phone', status: 'booked' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The take-number page lists it, and still does after a reload.
    await page.locator('.book-back').tap();
    await page.waitForURL(/\/ticket\/$/);
    const listed = page.locator(`.my-booking[data-code="${code}"]`);
    await listed.locator('.my-booking-state').waitFor();
    await page.reload();
    await listed.locator('.my-booking-state').waitFor();
    expect(await listed.textContent()).toBe(`${code}Hộ tịch · Ngày mai, ${dm(tomorrow)} · 09:00–09:30Đã đặt lịch`);
    await listed.tap();
    await page.waitForURL(new RegExp(`\\?booking=${code}$`));
    await page.locator('.booking-code').waitFor();
  });

  it('shows a refusal in the server\'s words and books nothing: a second booking for the phone that day, a slot taken meanwhile', async () => {
    expect((await bookOverHttp('0912345678', '10:00', tomorrow, 'chung-thuc')).status).toBe(201);
    const page = await phone('/ticket/?book');
    await page.locator('.book-field[data-service="ho-tich"]').tap();
    await page.locator(`.book-day[data-day="${tomorrow}"]`).tap();
    await page.locator('.book-slot[data-start="11:00"]').tap();
    await page.locator('.take-phone input[type="tel"]').fill('0912345678');
    await page.locator('.book-submit').tap();
    const error = page.locator('.take-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Số điện thoại này đã có lịch hẹn trong ngày đó.');
    expect(await error.getAttribute('data-code')).toBe('booking-limit');
    expect(page.url()).toMatch(/\?book$/);

    // Another phone: the last place of 11:30 goes to someone else before the tap.
    expect((await bookOverHttp('0911000001', '11:30')).status).toBe(201);
    await page.locator(`.book-day[data-day="${addDays(today, 3)}"]`).tap();
    await page.locator(`.book-day[data-day="${tomorrow}"]`).tap();
    await page.locator('.book-slot[data-start="11:30"]').tap();
    await page.locator('.take-phone input[type="tel"]').fill('0987654321');
    expect((await bookOverHttp('0911000002', '11:30')).status).toBe(201);
    await page.locator('.book-submit').tap();
    await expect.poll(() => page.locator('.take-error').textContent()).toBe('Khung giờ này đã kín lịch, xin chọn khung giờ khác.');
    await expect.poll(() => page.locator('.book-slot[data-start="11:30"]').isDisabled()).toBe(true);
    expect(await page.locator('.book-submit').count()).toBe(0);
    const mine = server.app.ctx.bookings.all().filter((b) => b.phone === '0987654321' || (b.phone === '0912345678' && b.serviceId === 'ho-tich'));
    expect(mine).toEqual([]);
  });

  it('counts down to the appointment, alerts when check-in opens, checks in and follows the ticket like a number from the phone', async () => {
    const booked = await bookOverHttp('0912345678', '09:00');
    expect(booked.status).toBe(201);
    const code = booked.body.code as string;
    // Tomorrow, three seconds before check-in opens (08:30, half an hour before the slot).
    const opens = localClock(tomorrow, '08:30', TZ);
    shift = opens - 3000 - Date.now();
    const page = await phone(`/ticket/?booking=${code}`);
    await page.locator('.reminder').waitFor();
    expect(await page.locator('.reminder').textContent()).toBe('Còn 31 phút đến giờ hẹn');
    expect(await page.locator('.booking-when').textContent()).toBe(`Hôm nay, ${dm(tomorrow)} · 09:00–09:30`);
    expect(await page.locator('.check-in-button').isDisabled()).toBe(true);
    await page.locator('.vibrate-opt-in').tap();
    await page.locator('.vibrate-on').waitFor();

    const banner = page.locator('.check-in-open.alerted');
    await banner.waitFor();
    expect(await banner.locator('.check-in-open-title').textContent()).toBe('Đã đến giờ nhận số');
    await expect.poll(() => page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(1);
    expect(await page.locator('.reminder').textContent()).toBe('Còn 30 phút đến giờ hẹn');
    expect(await page.locator('.check-in-button').isEnabled()).toBe(true);

    await page.locator('.check-in-button').tap();
    await page.waitForURL(/\/ticket\/\?id=[A-Za-z0-9_-]+&new=1$/);
    await page.locator('.ticket-label').waitFor();
    expect(await page.locator('.ticket-label').textContent()).toBe('2001');
    expect(await page.locator('.ahead').textContent()).toBe('Sắp đến lượt bạn!');
    expect(await page.locator('.serving-counters li[data-counter]').count()).toBeGreaterThan(0);
    // The tap on the booking's page still allows the buzz: the ticket's page does not ask again.
    expect(await page.locator('.vibrate-on').count()).toBe(1);
    const ticketId = new URL(page.url()).searchParams.get('id')!;
    expect(server.app.ctx.queue.state.tickets[ticketId]).toMatchObject({ source: 'phone', serviceId: 'ho-tich', status: 'waiting', appointment: { bookingId: expect.any(String) } });
    expect(server.app.ctx.bookings.byCode(code)).toMatchObject({ status: 'checked-in', ticketId });

    // Called: the ticket's page buzzes as for any number from the phone.
    const staff = (await server.client(await server.login('canbo1'))).socket;
    expect(await staff.emitWithAck('counter:sign-in', { counterId: 5 })).toMatchObject({ ok: true });
    expect(await staff.emitWithAck('counter:call-next', { counterId: 5 })).toMatchObject({ ok: true, data: { label: '2001' } });
    await page.locator('.status-block.serving').waitFor();
    await expect.poll(() => page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(2);

    // The booking's own page now leads to the ticket.
    await page.goto(`${server.url}/ticket/?booking=${code}`);
    await page.locator('.follow-ticket').waitFor();
    expect(await page.locator('.booking-state').textContent()).toBe('Đã nhận số');
    expect(await page.locator('.follow-ticket').getAttribute('href')).toBe(`./?id=${ticketId}`);
  });

  it('cancels only after a confirmation, and the place is free again', async () => {
    const booked = await bookOverHttp('0912345678', '14:00');
    const code = booked.body.code as string;
    const page = await phone(`/ticket/?booking=${code}`);
    await page.locator('.cancel-button').tap();
    expect(await page.locator('.cancel-confirm p').textContent()).toBe('Bạn chắc chắn muốn huỷ lịch hẹn này? Chỗ của bạn sẽ được nhường cho người khác.');
    await page.locator('.cancel-no').tap();
    await page.locator('.cancel-button').waitFor();
    expect(server.app.ctx.bookings.byCode(code)?.status).toBe('booked');

    await page.locator('.cancel-button').tap();
    await page.locator('.cancel-yes').tap();
    await expect.poll(() => page.locator('.booking-state').textContent()).toBe('Đã huỷ');
    expect(await page.locator('.booking-note[data-state="cancelled"]').textContent()).toBe('Lịch hẹn này đã được huỷ.');
    expect(await page.locator('.check-in-button').count()).toBe(0);
    expect(await page.locator('.cancel-button').count()).toBe(0);
    expect(server.app.ctx.bookings.byCode(code)?.status).toBe('cancelled');
    const slots = await server.http('GET', `/api/appointments/slots?serviceId=ho-tich&day=${tomorrow}`);
    expect(slots.body.slots.find((s: { start: string }) => s.start === '14:00')).toMatchObject({ free: 2 });
  });
});
