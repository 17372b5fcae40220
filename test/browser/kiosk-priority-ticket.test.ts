// The paper ticket a priority citizen takes at the kiosk (1920×1080 touch screen) says
// "ƯU TIÊN – Người cao tuổi" once, as the screen does, not "ƯU TIÊN – ƯU TIÊN – …".
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { priorityLine } from '../../server/devices/printer/ticket-text';
import type { TicketPrintJob } from '../../server/devices/printer';
import { hasChromium, launchBrowser } from '../support/browser';
import { issueTicket, newScreen, SCREENS } from '../support/pages';
import { acceptingPrinter, startTestServer, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('priority ticket at the kiosk', () => {
  let browser: Browser;
  let server: TestServer;
  let context: BrowserContext;
  let jobs: TicketPrintJob[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    jobs = [];
    const printer = acceptingPrinter();
    server = await startTestServer({
      deps: { printer: { ...printer, async print(job) { jobs.push(job); await printer.print(job); } } },
    });
    context = await newScreen(browser, SCREENS.fullHd);
  });
  afterEach(async () => {
    await context?.close();
    await server?.close();
  });

  it('prints the category once after "ƯU TIÊN", as the confirmation screen shows it', async () => {
    const token = await server.pair('kiosk-1');
    await context.addInitScript(([k, v]) => localStorage.setItem(k, v), ['qms.kiosk.token', token] as const);
    const page = await context.newPage();
    await page.goto(`${server.url}/kiosk/`);
    await page.click('.priority-button');
    await page.click('[data-category="nguoi-cao-tuoi"]');
    await page.click('[data-service="chung-thuc"]');
    await page.locator('.confirmation-priority').waitFor();
    expect(await page.textContent('.confirmation-priority')).toBe('SỐ ƯU TIÊN – Người cao tuổi');

    expect(jobs).toHaveLength(1);
    expect(jobs[0].priorityName).toBeDefined();
    expect(priorityLine(jobs[0].priorityName!)).toBe('ƯU TIÊN – Người cao tuổi');
  });

  it('prints a plain "ƯU TIÊN" for a priority ticket without a category, and nothing for a normal one', async () => {
    // Only the kiosk's tickets are printed: issue them with the kiosk's own token.
    const kiosk = await server.pair('kiosk-1');
    await issueTicket(server, kiosk, 'ho-tich', { priority: true });
    await issueTicket(server, kiosk, 'ho-tich');
    expect(jobs.map((j) => (j.priorityName === undefined ? null : priorityLine(j.priorityName)))).toEqual(['ƯU TIÊN', null]);
  });
});
