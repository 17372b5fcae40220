// The counter's two faces in a real browser: a staff member working the console, and the
// public display above the counter (plus the hall's central display) following it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

const DEVICE_TOKEN_KEY = 'qms.counter-display.device-token';
const STAFF_TOKEN_KEY = 'qms.counter-display.staff-token';
const CENTRAL_TOKEN_KEY = 'qms.central-display.device-token';

describe.skipIf(!hasChromium)('counter display and staff console', () => {
  let browser: Browser;
  let server: TestServer;
  let context: BrowserContext;
  let adminToken: string;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer();
    adminToken = await server.login();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    // Fail on the step that is stuck, well before the test's own time limit.
    context.setDefaultTimeout(15_000);
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  /** A page that already holds a token in localStorage, as a paired device or a signed-in PC would. */
  async function openWithToken(path: string, key: string, token: string): Promise<Page> {
    const page = await context.newPage();
    await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [key, token] as const);
    await page.goto(server.url + path);
    return page;
  }

  async function issue(serviceId: string): Promise<string> {
    const res = await server.http('POST', '/api/tickets', { serviceId }, adminToken);
    expect(res.status).toBe(201);
    return res.body.label as string;
  }

  async function consoleAtCounter(username: string, counterId: number): Promise<Page> {
    const page = await openWithToken('/counter-display/?console', STAFF_TOKEN_KEY, await server.login(username));
    await page.click(`[data-counter="${counterId}"]`);
    await page.waitForSelector('.desk');
    return page;
  }

  it('lets a staff member change their own password from the console', async () => {
    const token = await server.login('canbo4');
    const page = await openWithToken('/counter-display/?console', STAFF_TOKEN_KEY, token);
    await page.click('[data-action="change-password"]');
    await page.fill('input[name="current-password"]', 'canbo4-mat-khau-rieng');
    await page.fill('input[name="new-password"]', 'canbo4-doi-lan-hai');
    await page.fill('input[name="repeat-password"]', 'canbo4-doi-lan-khac');
    await page.click('.password-change button[type="submit"]');
    expect(await page.textContent('.password-change .error')).toContain('không khớp');
    await page.fill('input[name="repeat-password"]', 'canbo4-doi-lan-hai');
    await page.click('.password-change button[type="submit"]');
    await page.waitForSelector('[data-counter="6"]');
    expect((await server.http('POST', '/api/auth/login', { username: 'canbo4', password: 'canbo4-mat-khau-rieng' })).status).toBe(401);
    expect((await server.http('POST', '/api/auth/login', { username: 'canbo4', password: 'canbo4-doi-lan-hai' })).body).toMatchObject({ mustChangePassword: false });
  });

  it('shows the number on the counter display and the central display when a staff member signs in through the console and calls next', async () => {
    const label = await issue('chung-thuc');
    const display = await openWithToken('/counter-display/', DEVICE_TOKEN_KEY, await server.pair('counter-display-6'));
    const central = await openWithToken('/central-display/', CENTRAL_TOKEN_KEY, await server.pair('central-display-2'));
    await display.waitForSelector('.counter-screen[data-status="closed"]');

    const staffPage = await context.newPage();
    await staffPage.goto(server.url + '/counter-display/?console');
    await staffPage.fill('input[name="username"]', 'canbo1');
    await staffPage.fill('input[name="password"]', 'doimatkhau');
    await staffPage.click('button[type="submit"]');
    // The sample's default password: the console asks for a new one before anything else.
    await staffPage.fill('input[name="new-password"]', 'canbo1-rieng-123');
    await staffPage.fill('input[name="repeat-password"]', 'canbo1-rieng-123');
    await staffPage.click('button[type="submit"]');
    await staffPage.click('[data-counter="6"]');
    await staffPage.waitForSelector('.desk');
    await display.waitForSelector('.counter-screen[data-status="open"]');
    await staffPage.click('[data-action="call-next"]');

    await staffPage.waitForSelector(`[data-current-label="${label}"]`);
    expect(await display.textContent('.cs-number')).toBe(label);
    expect(await display.textContent('.cs-field')).toBe('Chứng thực');
    expect(await display.textContent('.cs-foot')).toContain('Nguyễn Thị Lan');
    await central.waitForSelector(`[data-latest-label="${label}"][data-latest-counter="6"]`);
    await central.waitForSelector(`.counter-tile[data-counter="6"][data-label="${label}"]`);
  });

  it('shows the pause reason on the counter display and resumes with the same key', async () => {
    const display = await openWithToken('/counter-display/', DEVICE_TOKEN_KEY, await server.pair('counter-display-5'));
    const desk = await consoleAtCounter('canbo2', 5);
    await display.waitForSelector('.counter-screen[data-status="open"]');

    await desk.keyboard.press('p');
    await desk.click('.reason-button:has-text("Đi họp")');
    await display.waitForSelector('.counter-screen[data-status="paused"]');
    expect(await display.textContent('.cs-reason')).toBe('Đi họp');
    await desk.waitForSelector('[role="dialog"]', { state: 'detached' });
    await desk.waitForSelector('[data-counter-status="paused"]:text-is("Tạm dừng: Đi họp")');

    await desk.keyboard.press('p');
    await display.waitForSelector('.counter-screen[data-status="open"]');
  });

  it('pauses with a reason typed by the staff member', async () => {
    const display = await openWithToken('/counter-display/', DEVICE_TOKEN_KEY, await server.pair('counter-display-5'));
    const desk = await consoleAtCounter('canbo2', 5);
    await desk.click('[data-action="pause"]');
    await desk.fill('input[name="reason"]', 'Tiếp lãnh đạo phường');
    await desk.keyboard.press('Enter');
    await display.waitForSelector('.counter-screen[data-status="paused"]');
    expect(await display.textContent('.cs-reason')).toBe('Tiếp lãnh đạo phường');
  });

  it('calls the next number with the N key and finishes with F', async () => {
    const first = await issue('ho-tich');
    const second = await issue('ho-tich');
    const display = await openWithToken('/counter-display/', DEVICE_TOKEN_KEY, await server.pair('counter-display-5'));
    const desk = await consoleAtCounter('canbo2', 5);
    await desk.waitForSelector('[data-waiting-count="2"]');

    await desk.keyboard.press('n');
    await desk.waitForSelector(`[data-current-label="${first}"]`);
    await display.waitForFunction((l) => document.querySelector('.cs-number')?.textContent === l, first);
    await desk.waitForSelector('[data-waiting-count="1"]');

    await desk.keyboard.press('f');
    await desk.waitForSelector('[data-stat="served"]:has-text("1")');
    await display.waitForSelector('.cs-number-empty');

    await desk.keyboard.press('n');
    await desk.waitForSelector(`[data-current-label="${second}"]`);
  });

  it('shows the server refusal in Vietnamese when nobody is waiting', async () => {
    const desk = await consoleAtCounter('canbo2', 5);
    await desk.keyboard.press('n');
    await desk.waitForSelector('.feedback.error');
    expect(await desk.textContent('.feedback.error')).toBe('Không còn công dân nào đang chờ.');
  });

  it('calls a chosen number, marks it absent and puts it back in the line', async () => {
    await issue('chung-thuc');
    const chosen = await issue('chung-thuc');
    const desk = await consoleAtCounter('canbo3', 6);

    await desk.keyboard.press('s');
    await desk.fill('input[name="label"]', chosen);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector(`[data-current-label="${chosen}"]`);
    await desk.waitForSelector('[role="dialog"]', { state: 'detached' });

    await desk.keyboard.press('v');
    await desk.check('input[name="requeue"]');
    await desk.click('.dialog button[type="submit"]');
    await desk.waitForSelector('.current-none');
    // Back in the line, behind the one who was already waiting.
    await desk.waitForSelector(`.waiting-list li:nth-child(2)[data-label="${chosen}"]`);
  });

  it('transfers the citizen at the desk to another field', async () => {
    const label = await issue('chung-thuc');
    const desk = await consoleAtCounter('canbo3', 6);
    const other = await consoleAtCounter('canbo4', 5);
    await desk.keyboard.press('n');
    await desk.waitForSelector(`[data-current-label="${label}"]`);

    await desk.keyboard.press('c');
    await desk.selectOption('select[name="toServiceId"]', 'ho-tich');
    await desk.click('.dialog button[type="submit"]');
    await desk.waitForSelector('.current-none');
    await other.waitForSelector(`.waiting-list li[data-label="${label}"]`);
  });

  it('keeps the staff session across a reload and returns to sign-in when the session is gone', async () => {
    const token = await server.login('canbo2');
    const desk = await openWithToken('/counter-display/?console', STAFF_TOKEN_KEY, token);
    await desk.click('[data-counter="5"]');
    await desk.waitForSelector('.desk');
    await desk.reload();
    await desk.waitForSelector('.desk');
    expect(await desk.textContent('[data-counter-name]')).toContain('Quầy 5');

    await server.http('POST', '/api/auth/logout', {}, token);
    await desk.reload();
    await desk.waitForSelector('.sign-in');
    expect(await desk.textContent('.console-notice')).toBe('Phiên đăng nhập đã kết thúc, xin đăng nhập lại.');
    expect(await desk.evaluate((k) => localStorage.getItem(k), STAFF_TOKEN_KEY)).toBeNull();
  });
});
