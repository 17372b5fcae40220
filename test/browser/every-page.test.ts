// Every page of the centre, opened fresh as a new user would: it names its own icon (no
// browser asks for a missing /favicon.ico), and nothing it loads answers 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser';
import { newScreen, SCREENS } from '../support/pages';
import { startTestServer, type TestServer } from '../support/server';

const PAGES = ['/', '/kiosk/', '/lookup/', '/counter-display/', '/counter-display/?console', '/central-display/', '/rating-terminal/', '/manager/', '/ticket/?id=khong-co-phieu-nay'];

describe.skipIf(!hasChromium)('every page', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('has an icon that loads, and no request of a fresh page answers 404', async () => {
    const context = await newScreen(browser, SCREENS.hd);
    try {
      for (const path of PAGES) {
        const page = await context.newPage();
        const missing: string[] = [];
        page.on('response', (r) => {
          // The ticket page asks for a ticket that does not exist on purpose; that answer is the page's business.
          if (r.status() === 404 && !r.url().includes('/api/')) missing.push(r.url());
        });
        await page.goto(server.url + path, { waitUntil: 'load' });
        await page.waitForTimeout(200);
        const icon = await page.getAttribute('link[rel="icon"]', 'href');
        expect(icon, path).toBeTruthy();
        const res = await page.request.get(new URL(icon!, page.url()).href);
        expect(res.status(), path).toBe(200);
        expect(res.headers()['content-type'], path).toContain('image/svg+xml');
        expect(missing, path).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
});
