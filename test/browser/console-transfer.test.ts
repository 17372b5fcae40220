// Sending a citizen on from the staff console (an office PC, 1280×720): the dialog offers
// only counters that can serve the chosen field, says when the citizen will have to wait,
// and the officer who receives the citizen sees where they come from.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser';
import { consoleAt, issueTicket, newScreen, SCREENS } from '../support/pages';
import { startTestServer, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('transfer from the staff console', () => {
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
    context = await newScreen(browser, SCREENS.hd);
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  const counterOptions = (page: import('playwright-core').Page) =>
    page.$$eval('select[name="toCounterId"] option', (os) => os.map((o) => ({ value: o.getAttribute('value'), text: o.textContent ?? '' })));

  it('offers for Xây dựng only the counters that serve it, and says the citizen waits for a closed one', async () => {
    const label = await issueTicket(server, adminToken, 'chung-thuc');
    const desk = await consoleAt(context, server, 'canbo7', 7);
    await desk.keyboard.press('n');
    await desk.waitForSelector(`[data-current-label="${label}"]`);
    await desk.keyboard.press('c');
    await desk.selectOption('select[name="toServiceId"]', 'xay-dung');

    const options = await counterOptions(desk);
    // Quầy 4 and Quầy 8 serve Xây dựng; Quầy 2 (Công an) must not be offered.
    expect(options.map((o) => o.value)).toEqual(['', '4', '8']);
    expect(options[1].text).toContain('chưa làm việc');
    await desk.selectOption('select[name="toCounterId"]', '4');
    expect(await desk.textContent('[data-transfer-hint="waits"]')).toContain('công dân sẽ phải chờ đến khi quầy này mở');

    await desk.click('.dialog button[type="submit"]');
    await desk.waitForSelector('.current-none');
    const state = await server.http('GET', '/api/state', undefined, adminToken);
    expect(state.body.services.find((s: { id: string }) => s.id === 'xay-dung').waiting).toBe(1);
  });

  it('lists an open counter first and plainly, and forgets a counter that does not serve the new field', async () => {
    await issueTicket(server, adminToken, 'chung-thuc');
    await consoleAt(context, server, 'canbo8', 8);
    const desk = await consoleAt(context, server, 'canbo7', 7);
    await desk.keyboard.press('n');
    await desk.waitForSelector('[data-current-label]');
    await desk.keyboard.press('c');
    await desk.selectOption('select[name="toServiceId"]', 'xay-dung');
    const options = await counterOptions(desk);
    expect(options.map((o) => o.value)).toEqual(['', '8', '4']);
    expect(options[1].text).not.toContain('chưa làm việc');
    await desk.selectOption('select[name="toCounterId"]', '8');
    expect(await desk.$('[data-transfer-hint="waits"]')).toBeNull();
    // Quầy 8 does not serve Công an: choosing that field drops it.
    await desk.selectOption('select[name="toServiceId"]', 'cong-an');
    expect(await desk.inputValue('select[name="toCounterId"]')).toBe('');
    expect((await counterOptions(desk)).map((o) => o.value)).toEqual(['', '2']);
  });

  it('shows the receiving officer where the citizen comes from', async () => {
    const label = await issueTicket(server, adminToken, 'ho-tich');
    const from = await consoleAt(context, server, 'canbo5', 5);
    const to = await consoleAt(context, server, 'canbo6', 6);
    await from.keyboard.press('n');
    await from.waitForSelector(`[data-current-label="${label}"]`);
    await from.keyboard.press('c');
    await from.selectOption('select[name="toServiceId"]', 'chung-thuc');
    await from.selectOption('select[name="toCounterId"]', '6');
    await from.click('.dialog button[type="submit"]');
    await from.waitForSelector('.current-none');

    await to.waitForSelector(`.waiting-list li[data-label="${label}"] .badge-from:text-is("Từ quầy 5")`);
    await to.keyboard.press('n');
    await to.waitForSelector(`[data-current-label="${label}"]`);
    const note = await to.textContent('[data-transferred-from="5"]');
    expect(note).toContain(`Chuyển từ Quầy 5 – `);
    expect(note).toContain('Hộ tịch');
  });
});
