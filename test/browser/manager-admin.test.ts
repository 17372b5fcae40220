// Administration in a real browser: what a manager saves reaches the kiosk and the hall's
// display at once, refusals are explained in Vietnamese next to the field, new staff can
// sign in, and a pairing code issued on screen pairs a device.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../support/browser';
import { holidayDays, STATUTORY_HOLIDAYS } from '@protocol/holidays';
import { startTestServer, type TestServer } from '../support/server';

const MANAGER_TOKEN_KEY = 'qms.manager.token';
const KIOSK_TOKEN_KEY = 'qms.kiosk.token';
const CENTRAL_TOKEN_KEY = 'qms.central-display.device-token';
// A 1×1 PNG stands in for a photo (the page crops and shrinks it to a JPEG whatever its size).
const PHOTO_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe.skipIf(!hasChromium)('managers\u2019 administration in the browser', () => {
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
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  /** A page that already holds a token, as a paired device or a signed-in PC would. */
  async function openWithToken(path: string, key: string, token: string): Promise<Page> {
    const page = await context.newPage();
    await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [key, token] as const);
    await page.goto(server.url + path);
    return page;
  }

  async function adminTab(tab: string): Promise<Page> {
    const page = await openWithToken(`/manager/#/quan-tri/${tab}`, MANAGER_TOKEN_KEY, await server.login());
    await page.waitForSelector(`.admin-tabs a.active[data-tab="${tab}"]`);
    return page;
  }

  async function save(page: Page): Promise<void> {
    await page.click('[data-action="save-config"]');
    await page.waitForSelector('[data-save-state="saved"]');
  }

  it('renames a field and the paired kiosk shows the new name without reloading', async () => {
    const kiosk = await openWithToken('/kiosk/', KIOSK_TOKEN_KEY, await server.pair('kiosk-1'));
    const name = kiosk.locator('[data-service="chung-thuc"] .field-name');
    await expect.poll(() => name.textContent()).toBe('Chứng thực');
    // Survives only as long as the page is not reloaded.
    await kiosk.evaluate(() => ((window as unknown as { stillSamePage: boolean }).stillSamePage = true));

    const admin = await adminTab('linh-vuc');
    await admin.fill('[data-path="services.0.name"]', 'Chứng thực bản sao');
    await save(admin);

    await expect.poll(() => name.textContent()).toBe('Chứng thực bản sao');
    expect(await kiosk.evaluate(() => (window as unknown as { stillSamePage?: boolean }).stillSamePage)).toBe(true);
    expect((await server.http('GET', '/api/config', undefined, await server.login())).body.services[0].name).toBe('Chứng thực bản sao');
  });

  it('sets a field’s target wait, an outcome, the report’s signer and the lunar holidays, and the console offers the new outcome', async () => {
    const admin = await adminTab('linh-vuc');
    await admin.fill('input[data-path="services.1.targetWaitMinutes"]', '10');
    await save(admin);
    await admin.click('[data-tab="chung"]');
    await admin.click('[data-action="add-outcome"]');
    await admin.fill('input[data-path="outcomes.6.name"]', 'Nhận giấy hẹn');
    await admin.fill('input[data-path="officialReport.signerName"]', 'Trần Thị Bình');
    await save(admin);
    await admin.click('[data-tab="gio-lam-viec"]');
    // Without Tết in the list, one button puts back every statutory holiday; this year's dates are shown.
    await admin.click('tr[data-holiday="Tết Nguyên Đán"] button.danger');
    await admin.click('[data-action="add-statutory"]');
    await save(admin);
    const year = new Date().getFullYear();
    const tet = holidayDays(STATUTORY_HOLIDAYS[1], year);
    expect(await admin.textContent('tr[data-holiday="Tết Nguyên Đán"] [data-this-year]')).toContain(`${tet[0].slice(8, 10)}/${tet[0].slice(5, 7)}/${year}`);

    const config = (await server.http('GET', '/api/config', undefined, await server.login())).body;
    expect(config.services[1]).toMatchObject({ id: 'ho-tich', targetWaitMinutes: 10 });
    expect(config.outcomes.at(-1)).toMatchObject({ name: 'Nhận giấy hẹn' });
    expect(config.officialReport.signerName).toBe('Trần Thị Bình');
    expect(config.openingHours.repeatingHolidays.map((h: { name: string }) => h.name)).toContain('Tết Nguyên Đán');

    const staff = await server.login('canbo6');
    await server.http('POST', '/api/counters/6/sign-in', undefined, staff);
    await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, staff);
    await server.http('POST', '/api/counters/6/next', {}, staff);
    const desk = await openWithToken('/counter-display/?console', 'qms.counter-display.staff-token', staff);
    await desk.waitForSelector(`.outcome-button[data-outcome="${config.outcomes.at(-1).id}"]:has-text("Nhận giấy hẹn")`);
    expect(await desk.textContent(`.outcome-button[data-outcome="${config.outcomes.at(-1).id}"] kbd`)).toBe('7');
  });

  it('switches numbers from the phone off and sets their limits, and the phone page says it is off', async () => {
    const admin = await adminTab('gio-lam-viec');
    await admin.click('[data-path="phoneNumbers.enabled"]');
    await admin.fill('input[data-path="phoneNumbers.perPhonePerDay"]', '3');
    await save(admin);
    const config = (await server.http('GET', '/api/config', undefined, await server.login())).body;
    expect(config.phoneNumbers).toMatchObject({ enabled: false, perPhonePerDay: 3, perPhonePerField: 1 });
    const offer = await server.http('GET', '/api/phone-numbers');
    expect(offer.body).toMatchObject({ open: false, closedReason: 'phone-numbers-off', perPhonePerDay: 3 });
  });

  it('chooses which priority categories citizens may claim from the phone, beside the other phone settings', async () => {
    const admin = await adminTab('gio-lam-viec');
    expect(await admin.isChecked('[data-path="phoneNumbers.priorityCategoryIds.nguoi-cao-tuoi"]')).toBe(true);
    await admin.click('[data-path="phoneNumbers.priorityCategoryIds.nguoi-khuyet-tat"]');
    await admin.click('[data-path="phoneNumbers.priorityCategoryIds.nguoi-cao-tuoi"]');
    await save(admin);
    const config = (await server.http('GET', '/api/config', undefined, await server.login())).body;
    expect(config.phoneNumbers.priorityCategoryIds).toEqual(['nguoi-khuyet-tat']);
    const offer = await server.http('GET', '/api/phone-numbers');
    expect(offer.body.priorityCategories).toEqual([{ id: 'nguoi-khuyet-tat', name: 'Người khuyết tật' }]);
  });

  it('changes the scrolling notice and the central display shows the new text', async () => {
    const central = await openWithToken('/central-display/', CENTRAL_TOKEN_KEY, await server.pair('central-display-2'));
    await central.waitForSelector('.notice');

    const admin = await adminTab('chung');
    const notice = 'Chiều thứ Sáu Trung tâm nghỉ họp từ 15:00, xin cảm ơn.';
    await admin.fill('textarea[name="notice"]', notice);
    await save(admin);

    await central.waitForSelector(`.notice[aria-label="${notice}"]`);
    expect(await central.textContent('.notice')).toContain(notice);
  });

  it('shows the refusal of an invalid configuration next to the field, in Vietnamese, and keeps the saved one', async () => {
    const admin = await adminTab('linh-vuc');
    await admin.fill('[data-path="services.0.name"]', '');
    await admin.fill('input[data-path="services.1.numberStart"]', '1500');
    await admin.click('[data-action="save-config"]');

    await admin.waitForSelector('[data-save-state="invalid"]');
    expect(await admin.textContent('[data-issue-path="services.0.name"]')).toBe('Không được để trống.');
    expect(await admin.textContent('.issue-list')).toContain('Dải số của lĩnh vực “chung-thuc” và “ho-tich” trùng nhau');
    const saved = (await server.http('GET', '/api/config', undefined, await server.login())).body;
    expect(saved.services[0].name).toBe('Chứng thực');
    expect(saved.services[1].numberStart).toBe(2001);
  });

  it('shows which accounts still have a default password', async () => {
    await server.login('canbo5');
    const admin = await adminTab('tai-khoan');
    await admin.waitForSelector('tr[data-user="canbo3"] [data-default-password]');
    expect(await admin.locator('tr[data-user="canbo5"] [data-default-password]').count()).toBe(0);
    expect(await admin.locator('tr[data-user="admin"] [data-default-password]').count()).toBe(0);
    expect(await admin.textContent('[data-default-passwords]')).toMatch(/^\d+ tài khoản còn dùng mật khẩu mặc định/);
  });

  it('creates a staff account that can then sign in over HTTP', async () => {
    const admin = await adminTab('tai-khoan');
    await admin.fill('input[name="new-username"]', 'canbo10');
    await admin.fill('input[name="new-name"]', 'Ngô Văn Bình');
    await admin.selectOption('select[name="new-role"]', 'staff');
    await admin.fill('input[name="new-password"]', 'mat-khau-moi-10');
    await admin.click('[data-action="create-user"]');
    await admin.waitForSelector('tr[data-user="canbo10"]');

    const res = await server.http('POST', '/api/auth/login', { username: 'canbo10', password: 'mat-khau-moi-10' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'canbo10', name: 'Ngô Văn Bình', role: 'staff' });
  });

  it('resets a staff member\u2019s password, gives them a photo and disables the account', async () => {
    const admin = await adminTab('tai-khoan');
    const row = admin.locator('tr[data-user="canbo2"]');

    await row.locator('[data-action="reset-password"]').click();
    await admin.fill('.dialog input[name="changed-password"]', 'mat-khau-thay-moi');
    await admin.click('.dialog button[type="submit"]');
    await admin.waitForSelector('.dialog', { state: 'detached' });
    expect((await server.http('POST', '/api/auth/login', { username: 'canbo2', password: 'doimatkhau' })).status).toBe(401);
    // A reset password is the manager's: canbo2 must replace it, and the table says so.
    expect((await server.http('POST', '/api/auth/login', { username: 'canbo2', password: 'mat-khau-thay-moi' })).body).toMatchObject({ mustChangePassword: true });
    await row.locator('[data-default-password]').waitFor();

    await row.locator('input[type="file"]').setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: Buffer.from(PHOTO_PNG, 'base64') });
    await row.locator('img.avatar').waitFor();
    const users = (await server.http('GET', '/api/users', undefined, await server.login())).body as { username: string; photoUrl?: string }[];
    expect(users.find((u) => u.username === 'canbo2')?.photoUrl).toMatch(/^data:image\/jpeg;base64,/);

    await row.locator('[data-action="toggle-active"]').click();
    await admin.waitForSelector('tr[data-user="canbo2"].inactive');
    expect((await server.http('POST', '/api/auth/login', { username: 'canbo2', password: 'mat-khau-thay-moi' })).status).toBe(401);
  });

  it('issues a pairing code on screen that pairs the device over HTTP', async () => {
    const admin = await adminTab('thiet-bi');
    await admin.click('tr[data-device="counter-display-3"] [data-action="issue-code"]');
    const shown = admin.locator('[data-pairing-code][data-device-id="counter-display-3"]');
    const code = await shown.getAttribute('data-pairing-code');
    expect(code).toMatch(/^\d{6}$/);
    // Shown large and split in two groups of three, as it is read out to whoever types it in.
    expect((await shown.textContent())?.replace(/\s/g, '')).toBe(code);

    const paired = await server.http('POST', '/api/devices/pair', { code });
    expect(paired.status).toBe(201);
    const me = await server.http('GET', '/api/auth/me', undefined, paired.body.token);
    expect(me.body).toMatchObject({ role: 'counter-display', id: 'counter-display-3' });
  });
});
