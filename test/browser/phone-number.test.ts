// Taking a number from a phone in a real browser at a phone's size: the poster's QR code
// leads to the page, the citizen types their number, picks a field, lands on their ticket
// page with the number confirmed, and is refused a second one in the same field.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CentreConfig } from '@protocol/config';
import { hasChromium, launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('a number from the phone', () => {
  let browser: Browser;
  let server: TestServer;
  let admin: string;
  const contexts: BrowserContext[] = [];

  const setConfig = async (change: (c: CentreConfig) => CentreConfig) => {
    const current = await server.http('GET', '/api/config', undefined, admin);
    expect((await server.http('PUT', '/api/config', change(current.body as CentreConfig), admin)).status).toBe(200);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer();
    admin = await server.login();
    await setConfig((c) => ({ ...c, openingHours: { ...c.openingHours, enforce: false }, phoneNumbers: { ...c.phoneNumbers, enabled: true, from: '00:00', to: '23:59' } }));
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await server.close();
  });

  async function phone(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    return page;
  }

  it('from the poster\'s QR code to a confirmed number, then no second one in that field', async () => {
    const poster = await phone('/ticket/?poster');
    expect(await poster.locator('.poster-qr').getAttribute('data-qr-text')).toBe(`${server.url}/ticket/`);

    const page = await phone('/ticket/');
    await page.locator('.take-field[data-service="ho-tich"]').waitFor();
    expect(await page.locator('.take-title').textContent()).toBe('Lấy số thứ tự bằng điện thoại');
    expect(await page.locator('.take-field[data-service="ho-tich"]').isDisabled()).toBe(true);
    await page.locator('.take-phone input').fill('0912 345 678');
    await page.locator('.take-field[data-service="ho-tich"]').tap();

    await page.waitForURL(/\/ticket\/\?id=.+&new=1$/);
    await page.locator('.ticket-label').waitFor();
    expect(await page.locator('.ticket-label').textContent()).toBe('2001');
    expect(await page.locator('.taken').textContent()).toContain('Bạn đã lấy số thành công');
    expect(await page.locator('.ahead').textContent()).toBe('Sắp đến lượt bạn!');
    const ticket = Object.values(server.app.ctx.queue.state.tickets).find((t) => t.label === '2001');
    expect(ticket).toMatchObject({ source: 'phone', serviceId: 'ho-tich', status: 'waiting' });

    // Back to the fields: the phone number is remembered, the same field is refused in Vietnamese.
    await page.locator('.taken a').tap();
    await page.locator('.take-field[data-service="ho-tich"]').waitFor();
    expect(await page.locator('.take-phone input').inputValue()).toBe('0912 345 678');
    expect(await page.locator('.take-field[data-service="ho-tich"] .take-field-line').textContent()).toContain('1 người đang chờ');
    await page.locator('.take-field[data-service="ho-tich"]').tap();
    await page.locator('.take-error').waitFor();
    expect(await page.locator('.take-error').textContent()).toBe('Số điện thoại này đã lấy số cho lĩnh vực này hôm nay.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('lets an elderly citizen claim priority with a tick box that asks for their papers at the counter, and the number goes first', async () => {
    const walkIn = await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, admin);
    expect(walkIn.status).toBe(201);
    const page = await phone('/ticket/');
    const claim = page.locator('.take-priority-claim');
    await claim.waitFor();
    expect(await claim.count()).toBe(1);
    expect(await claim.textContent()).toBe('Tôi thuộc đối tượng ưu tiên: Người cao tuổi. Tôi sẽ xuất trình giấy tờ chứng minh tại quầy khi được gọi.');
    await page.locator('.take-phone input').fill('0912345678');
    await claim.locator('input[data-category="nguoi-cao-tuoi"]').tap();
    await page.locator('.take-field[data-service="chung-thuc"]').tap();
    await page.waitForURL(/\/ticket\/\?id=.+&new=1$/);
    await page.locator('.ticket-label').waitFor();
    expect(await page.locator('.ahead').textContent()).toBe('Sắp đến lượt bạn!');
    const id = new URL(page.url()).searchParams.get('id')!;
    expect(server.app.ctx.queue.state.tickets[id]).toMatchObject({ source: 'phone', priority: true, priorityCategoryId: 'nguoi-cao-tuoi' });

    // Where the managers allow none, the page offers none.
    await setConfig((c) => ({ ...c, phoneNumbers: { ...c.phoneNumbers, priorityCategoryIds: [] } }));
    await page.goto(`${server.url}/ticket/`);
    await page.locator('.take-field[data-service="ho-tich"]').waitFor();
    expect(await page.locator('.take-priority-claim').count()).toBe(0);
  });

  it('says so when the managers have switched numbers from the phone off', async () => {
    await setConfig((c) => ({ ...c, phoneNumbers: { ...c.phoneNumbers, enabled: false } }));
    const page = await phone('/ticket/');
    await page.locator('.take-closed').waitFor();
    expect(await page.locator('.take-closed p').first().textContent()).toBe('Trung tâm hiện không cấp số qua điện thoại. Xin mời lấy số tại máy lấy số.');
    expect(await page.locator('.take-field').count()).toBe(0);
  });
});
