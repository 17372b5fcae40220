// The procedure look-up on the information kiosk's touch screen (1920×1080 and 1280×720):
// field chips show their whole names, and "khai sinh" typed on the screen's keyboard lists
// the procedures named so before one that only asks for a birth certificate among its papers.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser';
import { clippedTexts } from '../support/layout';
import { newScreen, SCREENS } from '../support/pages';
import { startTestServer, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('procedure look-up screen', () => {
  let browser: Browser;
  let server: TestServer;
  const contexts: BrowserContext[] = [];

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
    for (const c of contexts.splice(0)) await c.close();
    await server?.close();
  });

  async function openLookup(size: { width: number; height: number }): Promise<Page> {
    const context = await newScreen(browser, size);
    contexts.push(context);
    const token = await server.pair('lookup-1');
    await context.addInitScript(([k, v]) => localStorage.setItem(k, v), ['qms.lookup.token', token] as const);
    const page = await context.newPage();
    await page.goto(server.url + '/lookup/');
    await page.locator('#lookup-query').waitFor();
    return page;
  }

  async function typeOnScreen(page: Page, text: string): Promise<void> {
    for (const c of text) await page.click(`.osk [data-key="${c === ' ' ? 'space' : c}"]`);
  }

  it('ranks the procedures named "khai sinh" above one that only mentions it in its papers', async () => {
    const page = await openLookup(SCREENS.fullHd);
    // The answer to the whole query, not to a half-typed one.
    const answered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === 'khai sinh');
    await typeOnScreen(page, 'khai sinh');
    await answered;
    await page.waitForTimeout(100);
    const found = await page.locator('.lookup-result-name').allTextContents();
    expect(found[0]).toBe('Đăng ký khai sinh');
    const inName = found.filter((n) => /khai sinh/i.test(n));
    expect(found.slice(0, inName.length)).toEqual(inName);
    expect(found.findIndex((n) => n.includes('trợ cấp xã hội'))).toBeGreaterThanOrEqual(inName.length);
  });

  for (const [name, size] of Object.entries({ '1920×1080': SCREENS.fullHd, '1280×720': SCREENS.hd })) {
    it(`shows every field chip's whole name at ${name}`, async () => {
      const page = await openLookup(size);
      await typeOnScreen(page, 'giay');
      await page.locator('.lookup-chip[data-service="xay-dung"]').waitFor();
      expect(await page.locator('.lookup-chip[data-service="xay-dung"]').textContent()).toBe('Xây dựng');
      expect(await clippedTexts(page, '.lookup-chip, .lookup-field')).toEqual([]);
    });
  }
});
