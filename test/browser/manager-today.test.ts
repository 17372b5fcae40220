// Today's dashboard in a real browser: it follows the queue as tickets are issued and
// called, without anyone reloading the page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('managers\u2019 dashboard for today', () => {
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
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  async function dashboard(): Promise<Page> {
    const page = await context.newPage();
    await page.addInitScript((token) => localStorage.setItem('qms.manager.token', token), adminToken);
    await page.goto(server.url + '/manager/');
    await page.waitForSelector('[data-kpi="waiting"]');
    return page;
  }

  const kpi = (page: Page, id: string) => page.locator(`[data-kpi="${id}"] .kpi-value`);
  // The dashboard refreshes at most about once a second in a rush; give it room on a slow machine.
  const soon = { timeout: 10_000 };

  it('counts the citizens waiting per field as tickets are issued and called, without a reload', async () => {
    const page = await dashboard();
    await expect.poll(() => kpi(page, 'waiting').textContent(), soon).toBe('0');

    for (const serviceId of ['chung-thuc', 'chung-thuc', 'ho-tich']) {
      expect((await server.http('POST', '/api/tickets', { serviceId }, adminToken)).status).toBe(201);
    }
    await expect.poll(() => kpi(page, 'waiting').textContent(), soon).toBe('3');
    await expect.poll(() => page.getAttribute('tr[data-field="chung-thuc"] [data-waiting]', 'data-waiting'), soon).toBe('2');
    expect(await kpi(page, 'visits').textContent()).toBe('3');

    const staff = await server.login('canbo1');
    expect((await server.http('POST', '/api/counters/6/sign-in', {}, staff)).status).toBe(200);
    expect((await server.http('POST', '/api/counters/6/next', {}, staff)).status).toBe(200);

    await expect.poll(() => kpi(page, 'waiting').textContent(), soon).toBe('2');
    const counter = page.locator('tr[data-counter="6"]');
    await expect.poll(() => counter.getAttribute('data-status'), soon).toBe('open');
    expect(await counter.textContent()).toContain('Nguyễn Thị Lan');
    expect(await counter.textContent()).toContain('1001');
  });
});
