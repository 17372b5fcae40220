// When a screen loses the server, the banner that says so sits above the header: the clock,
// "QUẦY 5" and the staff's "Đổi quầy" / "Đăng xuất" stay visible and usable.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser';
import { boxOf, overlaps } from '../support/layout';
import { consoleAt, newScreen, openWithToken, SCREENS, TOKEN_KEYS } from '../support/pages';
import { startTestServer, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('offline banner', () => {
  let browser: Browser;
  let server: TestServer;
  let serverOpen: boolean;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer();
    serverOpen = true;
    context = await newScreen(browser, SCREENS.hd);
  });
  afterEach(async () => {
    await context?.close();
    if (serverOpen) await server?.close();
  });

  async function goOffline(page: Page): Promise<void> {
    await server.close();
    serverOpen = false;
    await page.waitForSelector('.connection-banner');
  }

  it('leaves the counter display header, "QUẦY 5" and its name, uncovered', async () => {
    const page = await openWithToken(context, server, '/counter-display/', TOKEN_KEYS.counterDisplay, await server.pair('counter-display-5'));
    await page.waitForSelector('.cs-head');
    await goOffline(page);
    const banner = await boxOf(page, '.connection-banner');
    for (const part of ['.cs-counter', '.cs-name']) expect(overlaps(banner, await boxOf(page, part)), part).toBe(false);
  });

  it('leaves the console header and its buttons uncovered and clickable', async () => {
    const page = await consoleAt(context, server, 'canbo2', 5);
    await goOffline(page);
    const banner = await boxOf(page, '.connection-banner');
    expect(overlaps(banner, await boxOf(page, '[data-counter-name]'))).toBe(false);
    for (const name of ['Đổi quầy', 'Đăng xuất']) {
      const button = page.locator('.desk-head-buttons button', { hasText: name });
      expect(overlaps(banner, (await button.boundingBox())!), name).toBe(false);
      // The point under the button's centre is the button itself, not the banner.
      const hit = await button.evaluate((b) => {
        const r = b.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === b;
      });
      expect(hit, name).toBe(true);
    }
  });
});
