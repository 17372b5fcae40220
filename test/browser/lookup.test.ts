// The procedure look-up in a real browser: on its own page (an information kiosk paired as a
// kiosk-role device) and as the "Tra cứu thủ tục" mode of the ticket kiosk. It searches the
// server's catalogue (GET /api/procedures) as the citizen types, without diacritics.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Ticket } from '@protocol/queue';
import { hasChromium, launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('procedure look-up', () => {
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
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  async function openPaired(path: string, tokenKey: string): Promise<Page> {
    const token = await server.pair('kiosk-1');
    await context.addInitScript(([k, v]) => localStorage.setItem(k, v), [tokenKey, token] as const);
    const page = await context.newPage();
    await page.goto(server.url + path);
    return page;
  }

  const openLookupPage = async () => {
    const page = await openPaired('/lookup/', 'qms.lookup.token');
    await page.locator('#lookup-query').waitFor();
    return page;
  };

  /** Types on the screen's own keyboard, as a citizen at a touch screen must. */
  async function typeOnScreen(page: Page, text: string): Promise<void> {
    for (const c of text) await page.click(`.osk [data-key="${c === ' ' ? 'space' : c}"]`);
  }

  const ticketsOf = (): Ticket[] => Object.values(server.app.ctx.queue.state.tickets);

  it('finds Hộ tịch procedures from "ho tich" typed without diacritics', async () => {
    const page = await openLookupPage();
    await typeOnScreen(page, 'ho tich');
    expect(await page.inputValue('#lookup-query')).toBe('ho tich');
    await page.locator('.lookup-result', { hasText: 'Đăng ký khai sinh' }).first().waitFor();
    // Results of a half-typed query ("ho") may still be on screen until the last answer comes.
    const fieldsOfResults = () => page.locator('.lookup-result-meta').allTextContents();
    await expect.poll(async () => (await fieldsOfResults()).every((f) => /^Hộ tịch · /.test(f))).toBe(true);
    expect((await fieldsOfResults()).length).toBeGreaterThan(3);
  });

  it('opens a procedure with its code, field, level, time, fees, papers and a QR code of its portal page', async () => {
    const page = await openLookupPage();
    await page.fill('#lookup-query', 'khai sinh');
    await page.click('.lookup-result[data-code="1.001193"]');

    await page.locator('.procedure-detail[data-code="1.001193"]').waitFor();
    expect(await page.textContent('.procedure-name')).toBe('Đăng ký khai sinh');
    const facts = await page.locator('.procedure-facts dd').allTextContents();
    expect(facts.slice(0, 3)).toEqual(['1.001193', 'Hộ tịch', 'Toàn trình']);
    expect(facts[3]).toContain('Ngay trong ngày làm việc');
    expect(facts[4]).toContain('Miễn lệ phí');
    const papers = await page.locator('.procedure-papers li').allTextContents();
    expect(papers[0]).toBe('Tờ khai đăng ký khai sinh (theo mẫu)');
    expect(papers.length).toBeGreaterThan(1);
    const qr = page.locator('.procedure-qr img');
    await qr.waitFor();
    expect(await qr.getAttribute('data-qr-text')).toContain('1.001193');
  });

  it('lists only the chosen field when browsing by field', async () => {
    const page = await openLookupPage();
    await page.click('.lookup-field[data-service="chung-thuc"]');
    await page.locator('.lookup-result').first().waitFor();
    const fields = await page.locator('.lookup-result-meta').allTextContents();
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) expect(f).toMatch(/^Chứng thực · /);
  });

  it('issues a ticket for the procedure\'s field from the look-up page and returns to an empty search', async () => {
    const page = await openLookupPage();
    await typeOnScreen(page, 'khai sinh');
    await page.click('.lookup-result[data-code="1.001193"]');
    await page.click('.take-ticket');

    await page.locator('.confirmation-number').waitFor();
    const label = await page.textContent('.confirmation-number');
    expect(ticketsOf().find((t) => t.label === label)).toMatchObject({ serviceId: 'ho-tich', source: 'kiosk' });
    // Paper comes out of the kiosk's printer, not at this screen.
    expect(await page.textContent('.confirmation-take')).toBe('Vui lòng nhận phiếu tại máy lấy số');

    await page.click('.kiosk-done');
    await page.locator('.lookup-browse').waitFor();
    expect(await page.inputValue('#lookup-query')).toBe('');
  });

  it('opens from the ticket kiosk, issues for the procedure\'s field, and leads back to the field buttons', async () => {
    const page = await openPaired('/kiosk/', 'qms.kiosk.token');
    await page.click('.lookup-button');
    await typeOnScreen(page, 'ket hon');
    await page.click('.lookup-result[data-code="1.000894"]');
    await page.click('.take-ticket');

    await page.locator('.confirmation-number').waitFor();
    expect(await page.textContent('.confirmation-field')).toBe('Hộ tịch');
    expect(await page.textContent('.confirmation-take')).toBe('Vui lòng nhận phiếu');
    expect(ticketsOf().map((t) => t.serviceId)).toEqual(['ho-tich']);

    await page.click('.kiosk-done');
    await page.locator('[data-service="ho-tich"] .field-waiting', { hasText: '1 người đang chờ' }).waitFor();
    await page.click('.lookup-button');
    await page.click('.kiosk-back');
    await page.locator('.field-grid').waitFor();
  });
});
