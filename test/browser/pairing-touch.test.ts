// Pairing a touch-only device (the ticket kiosk, the look-up, a rating terminal: no keyboard)
// with nothing but taps on the screen: the 6-digit code on a drawn keypad, or a manager
// signing in on a drawn keyboard.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser';
import { SCREENS } from '../support/pages';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('pairing a touch-only device', () => {
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
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  async function touchScreen(path: string, size: { width: number; height: number }): Promise<Page> {
    context = await browser.newContext({ viewport: size, hasTouch: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.locator('.pairing').waitFor();
    return page;
  }

  const tapKeys = async (page: Page, text: string) => {
    for (const c of text) await page.tap(`.osk [data-key="${c === ' ' ? 'space' : c.toLowerCase()}"]`);
  };

  async function issueCode(deviceId: string): Promise<string> {
    const res = await server.http('POST', '/api/devices/pairing-codes', { deviceId }, await server.login());
    return res.body.code as string;
  }

  const devices: [string, string, string, { width: number; height: number }, string][] = [
    ['ticket kiosk', '/kiosk/', 'kiosk-1', SCREENS.fullHd, '.field-button'],
    ['look-up', '/lookup/', 'lookup-1', SCREENS.fullHd, '#lookup-query'],
    ['rating terminal', '/rating-terminal/', 'rating-terminal-5', SCREENS.hd, '[data-screen]'],
  ];
  for (const [name, path, deviceId, size, paired] of devices) {
    it(`pairs the ${name} with the code typed on the screen's keypad`, async () => {
      const page = await touchScreen(path, size);
      expect(await page.getAttribute('input[name="code"]', 'inputmode')).toBe('none');
      const code = await issueCode(deviceId);
      await page.tap('input[name="code"]');
      await tapKeys(page, code);
      expect(await page.inputValue('input[name="code"]')).toBe(code);
      await page.tap('form:has(input[name="code"]) button[type="submit"]');
      await page.locator(paired).first().waitFor();
    });
  }

  it('lets a manager sign in on the drawn keyboard, capitals and symbols included, and choose the device', async () => {
    const page = await touchScreen('/rating-terminal/', SCREENS.hd);
    await page.tap('input[name="username"]');
    await tapKeys(page, 'admin');
    await page.tap('input[name="password"]');
    await tapKeys(page, ADMIN_PASSWORD);
    expect(await page.inputValue('input[name="password"]')).toBe(ADMIN_PASSWORD);
    // A capital letter goes through the shift key.
    await page.tap('.osk [data-key="shift"]');
    await page.tap('.osk [data-key="x"]');
    expect(await page.inputValue('input[name="password"]')).toBe(`${ADMIN_PASSWORD}X`);
    await page.tap('.osk [data-key="backspace"]');
    // The whole sign-in, keyboard included, fits on the screen: nothing to scroll to.
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
    await page.tap('form:has(input[name="password"]) button[type="submit"]');
    await page.tap('[data-device="rating-terminal-5"]');
    await page.locator('[data-screen]').first().waitFor();
  });
});
