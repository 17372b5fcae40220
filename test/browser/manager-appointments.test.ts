// The appointments' settings in the managers' app (Quản trị → Lịch hẹn): a change saved through
// the configuration is what the server then holds and the page shows after a reload, and an
// interval overlapping another is refused with the server's reason in Vietnamese beside it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CentreConfig } from '@protocol/config';
import { bookOverHttp, openAppointmentBook, plusMinutes, slotAhead } from '../support/appointment-book';
import { hasChromium, launchBrowser } from '../support/browser';
import { openWithToken } from '../support/pages';
import { startTestServer, type TestServer } from '../support/server';

const MANAGER_TOKEN_KEY = 'qms.manager.token';

describe.skipIf(!hasChromium)('appointments\u2019 settings in the managers\u2019 app', () => {
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
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(15_000);
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  async function appointmentsTab(): Promise<Page> {
    const page = await openWithToken(context, server, '/manager/#/quan-tri/lich-hen', MANAGER_TOKEN_KEY, await server.login());
    await page.waitForSelector('.admin-tabs a.active[data-tab="lich-hen"]');
    return page;
  }
  const savedConfig = async (): Promise<CentreConfig> => (await server.http('GET', '/api/config', undefined, await server.login())).body as CentreConfig;
  /** The clock boxes and the capacity of one interval of a field's weekday (1 = Monday). */
  const interval = (page: Page, serviceId: string, weekday: number, k: number) => {
    const at = page.locator(`.appointment-field[data-service="${serviceId}"] tr[data-weekday="${weekday}"] [data-interval="${k}"]`);
    return { from: at.locator('input.w-clock').nth(0), to: at.locator('input.w-clock').nth(1), capacity: at.locator('input[type="number"]') };
  };

  it('saves the window, the limits, a field\u2019s slot length and a new interval, and shows them again after a reload', async () => {
    const page = await appointmentsTab();
    await page.fill('input[data-path="appointments.daysAhead"]', '10');
    await page.fill('input[data-path="appointments.checkInEarlyMinutes"]', '45');
    await page.fill('input[data-path="appointments.checkInLateMinutes"]', '10');
    await page.fill('input[data-path="appointments.perPhonePerDay"]', '2');
    await page.fill('input[data-path="callPolicy.appointmentsInRow"]', '4');
    const hoTich = (await savedConfig()).appointments.fields.findIndex((f) => f.serviceId === 'ho-tich');
    await page.fill(`input[data-path="appointments.fields.${hoTich}.slotMinutes"]`, '20');
    // Monday evenings too: one more interval, offered after the day's last one, three citizens a slot.
    const monday = page.locator('.appointment-field[data-service="ho-tich"] tr[data-weekday="1"]');
    const before = await monday.locator('[data-interval]').count();
    await monday.locator('[data-action="add-interval"]').click();
    const added = interval(page, 'ho-tich', 1, before);
    expect(await added.from.inputValue()).toBe('16:30');
    await added.to.fill('17:30');
    await added.capacity.fill('3');
    // And a fourth field takes appointments, with the default week.
    await page.selectOption('select[name="add-appointment-field"]', 'thue');
    await page.click('[data-action="add-appointment-field"]');
    await page.click('[data-action="save-config"]');
    await page.waitForSelector('[data-save-state="saved"]');

    const config = await savedConfig();
    expect(config.appointments).toMatchObject({ enabled: true, daysAhead: 10, checkInEarlyMinutes: 45, checkInLateMinutes: 10, perPhonePerDay: 2 });
    expect(config.callPolicy.appointmentsInRow).toBe(4);
    const field = config.appointments.fields[hoTich];
    expect(field).toMatchObject({ serviceId: 'ho-tich', slotMinutes: 20 });
    expect(field.weekly[1].at(-1)).toEqual({ from: '16:30', to: '17:30', capacity: 3 });
    expect(config.appointments.fields.find((f) => f.serviceId === 'thue')?.weekly[1]).toEqual([{ from: '08:00', to: '11:00', capacity: 2 }]);
    // The slots the phone page and the console offer follow at once: 16:30–17:30 in 20-minute slots of 3.
    const monday2 = nextMonday(config.appointments.daysAhead);
    const slots = (await server.http('GET', `/api/appointments/slots?serviceId=ho-tich&day=${monday2}`)).body.slots as { start: string; capacity: number }[];
    expect(slots.filter((s) => s.start >= '16:30').map((s) => `${s.start}/${s.capacity}`)).toEqual(['16:30/3', '16:50/3', '17:10/3']);
    expect(slots.filter((s) => s.start < '11:00').map((s) => s.start)).toEqual(['08:00', '08:20', '08:40', '09:00', '09:20', '09:40', '10:00', '10:20', '10:40']);

    await page.reload();
    await page.waitForSelector('.appointment-field[data-service="thue"]');
    expect(await page.inputValue('input[data-path="appointments.checkInEarlyMinutes"]')).toBe('45');
    expect(await page.inputValue('input[data-path="callPolicy.appointmentsInRow"]')).toBe('4');
    expect(await interval(page, 'ho-tich', 1, before).to.inputValue()).toBe('17:30');
    expect(await interval(page, 'ho-tich', 1, before).capacity.inputValue()).toBe('3');
  });

  it('refuses intervals that overlap, with the reason beside the day and in the save bar, and keeps the saved book', async () => {
    const page = await appointmentsTab();
    const monday = page.locator('.appointment-field[data-service="dat-dai"] tr[data-weekday="1"]');
    const before = await monday.locator('[data-interval]').count();
    const first = interval(page, 'dat-dai', 1, 0);
    await monday.locator('[data-action="add-interval"]').click();
    // The same hours again: two intervals covering one another.
    const added = interval(page, 'dat-dai', 1, before);
    await added.from.fill(await first.from.inputValue());
    await added.to.fill(await first.to.inputValue());
    const saved = await savedConfig();
    await page.click('[data-action="save-config"]');
    await page.waitForSelector('[data-save-state="invalid"]');
    const datDai = saved.appointments.fields.findIndex((f) => f.serviceId === 'dat-dai');
    const issue = page.locator(`[data-issue-path="appointments.fields.${datDai}.weekly.1"]`);
    expect(await issue.textContent()).toBe('Khoảng giờ này chồng lên một khoảng giờ hẹn khác trong cùng ngày.');
    expect(await page.textContent('.save-bar .issue-list')).toContain('Lịch hẹn “Đất đai” › Thứ Hai: Khoảng giờ này chồng lên một khoảng giờ hẹn khác trong cùng ngày.');
    expect((await savedConfig()).appointments).toEqual(saved.appointments);
  });

  it('lists today\'s bookings on the live page, and a check-in there with its number', async () => {
    await openAppointmentBook(server, { serviceIds: ['ho-tich'], slotMinutes: 5, checkInEarlyMinutes: 30 });
    const slot = slotAhead(5, 5);
    const kept = await bookOverHttp(server, { serviceId: 'ho-tich', ...slot, phone: '0912345678' });
    const cancelled = await bookOverHttp(server, { serviceId: 'ho-tich', ...slot, phone: '0987654321' });
    await server.http('DELETE', `/api/appointments/${cancelled}`);
    const page = await openWithToken(context, server, '/manager/', MANAGER_TOKEN_KEY, await server.login());
    const row = (code: string) => page.locator(`.bookings-today tr[data-booking="${code}"]`);
    await row(kept).waitFor();
    expect(await row(kept).locator('td').allTextContents()).toEqual([`${slot.start}–${plusMinutes(slot.start, 5)}`, 'Hộ tịch', kept, '—', '09•• ••• 678', 'Chưa đến']);
    expect(await row(cancelled).getAttribute('data-state')).toBe('cancelled');
    // Checked in (at the kiosk, or here from the phone): the page reads the book again by itself.
    const ticket = await server.http('POST', `/api/appointments/${kept}/check-in`);
    await page.locator(`.bookings-today tr[data-booking="${kept}"][data-state="checked-in"]`).waitFor();
    expect(await row(kept).locator('td').last().textContent()).toBe(`Đã xác nhận – số ${ticket.body.label}`);
  });
});

/** The first Monday the book takes (today included), within `daysAhead` days. */
function nextMonday(daysAhead: number): string {
  for (let i = 0; i <= daysAhead; i++) {
    const d = new Date(Date.now() + 7 * 3600_000 + i * 86_400_000);
    if (d.getUTCDay() === 1) return d.toISOString().slice(0, 10);
  }
  throw new Error('no Monday in the book');
}
