// The reports issue's "done when": a scripted morning (a field transfer, a counter transfer,
// an absence called again and transferred, services with outcomes, one finished in the
// console with a key press) gives the same figures in the console, the dashboard, the report
// page, the .xlsx and the printed page, each credited to the counter that did it.
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../support/browser';
import { MORNING_COUNTERS, MORNING_DAY, movableClock, playMorning } from '../support/scripted-morning';
import { startTestServer, type TestServer } from '../support/server';

const STAFF_TOKEN_KEY = 'qms.counter-display.staff-token';
const MANAGER_TOKEN_KEY = 'qms.manager.token';
const COUNTER_NAMES: Record<number, string> = { 5: 'Quầy 5 – Hộ tịch – Tư pháp', 6: 'Quầy 6 – Chứng thực', 7: 'Quầy 7 – Chứng thực – Hộ tịch' };

describe.skipIf(!hasChromium)('a scripted morning, credited the same everywhere', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: TestServer;
  let admin: string;
  const consoles: Record<number, Page> = {};
  const clock = movableClock();

  async function withToken(path: string, key: string, token: string): Promise<Page> {
    const page = await context.newPage();
    await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [key, token] as const);
    await page.goto(server.url + path);
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(20_000);
    server = await startTestServer({ deps: { clock: clock.now } });
    admin = await server.login();
    const tokens: Record<number, string> = {};
    for (const id of [5, 6, 7]) {
      tokens[id] = await server.login(`canbo${id}`);
      await server.http('POST', `/api/counters/${id}/sign-in`, undefined, tokens[id]);
      consoles[id] = await withToken('/counter-display/?console', STAFF_TOKEN_KEY, tokens[id]);
      await consoles[id].waitForSelector('.desk');
    }
    await playMorning(server, clock, {
      tokens,
      // Counter 6 finishes 2001 in its console: the codes typed, Enter, then "1" for Tiếp nhận hồ sơ.
      finishAt6: async () => {
        const page = consoles[6];
        await page.waitForSelector('[data-current-label="2001"]');
        await page.fill('input[name="dossierCodes"]', 'H23.1-0001, H23.1-0002');
        await page.press('input[name="dossierCodes"]', 'Enter');
        await page.keyboard.press('1');
        await page.waitForSelector('.feedback.ok:has-text("Đã hoàn thành số 2001: Tiếp nhận hồ sơ")');
      },
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows each console its own counter’s figures', async () => {
    for (const [id, want] of Object.entries(MORNING_COUNTERS)) {
      const page = consoles[Number(id)];
      const stats = () => Promise.all(['served', 'no-shows', 'transfers'].map((name) => page.locator(`[data-stat="${name}"]`).textContent()));
      // The console asks again shortly after each change at its counter.
      await expect.poll(stats, { timeout: 15_000, message: `counter ${id}` }).toEqual([want.finished, want.absences, want.transfers].map(String));
    }
  });

  it('shows the same on the dashboard', async () => {
    const page = await withToken('/manager/', MANAGER_TOKEN_KEY, admin);
    for (const [id, want] of Object.entries(MORNING_COUNTERS)) {
      const row = page.locator(`tr[data-counter="${id}"]`);
      const stats = () => Promise.all(['served', 'no-shows', 'transfers'].map((name) => row.locator(`[data-stat="${name}"]`).textContent()));
      await expect.poll(stats, { timeout: 15_000, message: `counter ${id}` }).toEqual([want.finished, want.absences, want.transfers].map(String));
    }
    await page.close();
  });

  it('shows the same in the report page, its workbook and the printed page', async () => {
    const page = await withToken(`/manager/#/bao-cao/${MORNING_DAY}/${MORNING_DAY}`, MANAGER_TOKEN_KEY, admin);
    const counterRow = (id: number) => page.locator(`[data-table="counter"] tbody tr:has(td:text-is("${COUNTER_NAMES[id]}"))`);
    await counterRow(5).waitFor();
    const cell = (id: number, col: string) => counterRow(id).locator(`td[data-col="${col}"]`).textContent();
    for (const [key, want] of Object.entries(MORNING_COUNTERS)) {
      const id = Number(key);
      expect([await cell(id, 'Lượt phục vụ'), await cell(id, 'Phục vụ xong'), await cell(id, 'Chuyển đi'), await cell(id, 'Vắng mặt khi gọi')], COUNTER_NAMES[id]).toEqual(
        [want.services, want.finished, want.transfers, want.absences].map(String),
      );
    }
    expect(await page.locator('[data-table="dossier"] tbody td[data-col="Mã hồ sơ"]').allTextContents()).toEqual(['H23.1-0001', 'H23.1-0002']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-xlsx"]')]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet('Theo quầy')!;
    const header = sheet.getRow(1).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    for (const [key, want] of Object.entries(MORNING_COUNTERS)) {
      let row: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(1).value === COUNTER_NAMES[Number(key)]) row = r;
      });
      expect([col('Lượt phục vụ'), col('Phục vụ xong'), col('Chuyển đi'), col('Vắng mặt khi gọi')].map((c) => row!.getCell(c).value), `xlsx ${key}`).toEqual([
        want.services,
        want.finished,
        want.transfers,
        want.absences,
      ]);
    }

    await page.click('[data-action="official-page"]');
    await page.waitForSelector('[data-official-page]');
    const officers = page.locator('.doc-part:has(h2:text("III.")) .doc-table');
    for (const [key, want] of Object.entries(MORNING_COUNTERS)) {
      const cells = await officers.locator(`tr:has(td:text-is("${['', '', '', '', '', 'Hoàng Thị Hương', 'Vũ Đức Thắng', 'Đặng Thị Ngọc'][Number(key)]}")) td`).allTextContents();
      // STT, name, services, finished, transfers made, absences, …
      expect(cells.slice(2, 6), `printed ${key}`).toEqual([want.services, want.finished, want.transfers, want.absences].map(String));
    }
    expect(await page.textContent('.doc-heading')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(await page.textContent('[data-doc-period]')).toBe('(từ ngày 16/3/2026 đến ngày 16/3/2026)');
    await page.close();
  });
});
