// The managers' app at the sizes it is used at: an office PC (1280×720, 1920×1080) and a
// manager's phone (390 px). A pairing code shows where the manager is looking, a new counter
// is asked for its fields and brought into view, names are never cut, and on a phone the
// page keeps its width while wide tables scroll inside their box.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser';
import { clippedTexts } from '../support/layout';
import { issueTicket, newScreen, openWithToken, SCREENS } from '../support/pages';
import { startTestServer, type TestServer } from '../support/server';

const MANAGER_TOKEN_KEY = 'qms.manager.token';

describe.skipIf(!hasChromium)('managers\u2019 app screens', () => {
  let browser: Browser;
  let server: TestServer;
  let adminToken: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer();
    adminToken = await server.login();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await server?.close();
  });

  async function open(route: string, size: { width: number; height: number } = SCREENS.hd, phone = false): Promise<Page> {
    const context = phone
      ? await browser.newContext({ viewport: size, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
      : await newScreen(browser, size);
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await openWithToken(context, server, `/manager/#/${route}`, MANAGER_TOKEN_KEY, adminToken);
    await page.waitForSelector('.content');
    return page;
  }

  const inViewport = (page: Page, selector: string) =>
    page.locator(selector).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    });

  it('shows a pairing code issued from a row low on the page in a dialog in view, large enough to read across the room', async () => {
    const page = await open('quan-tri/thiet-bi');
    const last = page.locator('tr[data-device] [data-action="issue-code"]').last();
    await last.scrollIntoViewIfNeeded();
    const deviceId = await page.locator('tr[data-device]').last().getAttribute('data-device');
    await last.click();

    const code = page.locator('[role="dialog"] [data-pairing-code]');
    await code.waitFor();
    expect(await code.getAttribute('data-device-id')).toBe(deviceId);
    expect(await inViewport(page, '[role="dialog"]')).toBe(true);
    const px = await code.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(px).toBeGreaterThanOrEqual(96);
    await page.keyboard.press('Escape');
    await code.waitFor({ state: 'detached' });
  });

  it('asks which fields a new counter serves, then brings its card into view', async () => {
    const page = await open('quan-tri/quay');
    await page.click('[data-action="add-counter"]');
    const dialog = page.locator('[role="dialog"]');
    await dialog.waitFor();
    // Nothing is assigned behind the manager's back: no field is ticked, so it cannot be added yet.
    expect(await dialog.locator('input[name="new-counter-field"]:checked').count()).toBe(0);
    expect(await dialog.locator('[data-action="confirm-add-counter"]').isDisabled()).toBe(true);
    await dialog.locator('input[name="new-counter-field"][value="xay-dung"]').check();
    await dialog.locator('input[name="new-counter-field"][value="dat-dai"]').check();
    await page.fill('input[name="new-counter-name"]', 'Quầy 13 – Xây dựng – Đất đai');
    await dialog.locator('[data-action="confirm-add-counter"]').click();
    await dialog.waitFor({ state: 'detached' });

    const card = '[data-counter-card="13"]';
    await page.waitForFunction((sel) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= innerHeight;
    }, card);
    expect(await page.$$eval(`${card} [data-counter-field]`, (els) => els.map((e) => e.getAttribute('data-counter-field')))).toEqual(['xay-dung', 'dat-dai']);
  });

  for (const [name, size] of Object.entries({ '1280×720': SCREENS.hd, '1920×1080': SCREENS.fullHd })) {
    it(`shows long field and device names whole in the admin tables at ${name}`, async () => {
      for (const tab of ['linh-vuc', 'thiet-bi']) {
        const page = await open(`quan-tri/${tab}`, size);
        await page.waitForSelector('[data-path$=".name"]');
        const names = await page.$$eval('[data-path$=".name"]', (els) => els.map((e) => (e as HTMLInputElement).value));
        expect(names.some((n) => n === 'Lao động – Thương binh – Xã hội' || n === 'Màn hình trung tâm 1 (có loa)')).toBe(true);
        expect(await clippedTexts(page, '[data-path$=".name"]'), tab).toEqual([]);
      }
    });
  }

  it('keeps every page at the phone\u2019s width, wide tables scrolling inside their box', async () => {
    await issueTicket(server, adminToken, 'ho-tich');
    for (const route of ['hom-nay', 'bao-cao', 'quan-tri/danh-gia', 'quan-tri/thiet-bi']) {
      const page = await open(route, SCREENS.phone, true);
      await page.waitForSelector(route === 'bao-cao' ? '.page-head' : 'table');
      await page.waitForTimeout(300);
      const fit = await page.evaluate(() => ({ layout: innerWidth, content: document.documentElement.scrollWidth }));
      expect(fit, route).toEqual({ layout: 390, content: 390 });
      // Whatever is wider than the phone is a table, inside a box that scrolls it.
      const loose = await page.$$eval('table', (ts) => ts.filter((t) => t.getBoundingClientRect().width > innerWidth && !t.closest('.table-scroll')).length);
      expect(loose, route).toBe(0);
    }
  });
});
