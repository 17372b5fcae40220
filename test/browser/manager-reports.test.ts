// The managers' reports in a real browser over a data folder filled by the simulator: a
// manager signs in, picks the month by the 15th-to-14th rule, reads the totals, sees the
// charts drawn and downloads the workbook and a CSV table.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatePeriod, type SimulationResult } from '../../server/simulator/simulate';
import { hasChromium, launchBrowser } from '../support/browser';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server';

// Inside the reporting month 03/2025 (15/02/2025 – 14/03/2025).
const FROM = '2025-03-03';
const TO = '2025-03-14';
// Busy enough to type more dossier codes than the screen lists.
const VISITS = 2_400;
const VISITS_VI = '2.400';

describe.skipIf(!hasChromium)('managers\u2019 period report in the browser', () => {
  let dataDir: string;
  let simulated: SimulationResult;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-manager-reports-'));
    simulated = await simulatePeriod({ dataDir, from: FROM, to: TO, visits: VISITS, seed: 11 });
    // Quieter months after it: the reporting year has more officer-days than the screen lists.
    await simulatePeriod({ dataDir, from: '2025-03-17', to: '2025-06-13', visits: 900, seed: 12 });
    server = await startTestServer({ dataDir });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await context.newPage();

    await page.goto(server.url + '/manager/');
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', ADMIN_PASSWORD);
    await page.click('button[type="submit"]');
    await page.click('[data-nav="bao-cao"]');
    await page.fill('input[name="preset-day"]', '10/03/2025');
    await page.click('button[data-preset="month"]:has-text("Tháng 03/2025")');
    await page.waitForSelector('.report[data-from="2025-02-15"][data-to="2025-03-14"]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('shows as many visits as the simulation issued, in the totals and in the sentence for the official report', async () => {
    expect(simulated.tickets).toBe(VISITS);
    expect(await page.textContent('[data-section="totals"] [data-kpi="visits"] .kpi-value')).toBe(VISITS_VI);
    await expect.poll(async () => (await page.locator('.official-lines li').allTextContents()).join('\n')).toContain(`Tổng số lượt tiếp công dân tại Trụ sở Trung tâm: ${VISITS_VI} lượt`);
    // The per-day table adds up to the same total on its last line.
    expect(await page.textContent('[data-table="day"] tfoot [data-col="Lượt tiếp công dân"]')).toBe(VISITS_VI);
  });

  it('lists the period’s latest 1.000 dossier codes and says the files hold the earlier ones', async () => {
    const total = Number((await page.textContent('[data-table="dossier"] tfoot th'))!.match(/Tổng cộng: (\d+) mã/)![1]);
    expect(total).toBeGreaterThan(1000);
    expect(await page.locator('[data-table="dossier"] tbody tr').count()).toBe(1000);
    const note = await page.textContent('[data-section="table-dossier"] p.muted');
    expect(note).toContain('chỉ liệt kê 1.000 mã hồ sơ cuối kỳ');
    expect(note).toContain(`${(total - 1000).toLocaleString('vi-VN')} mã ghi nhận trước đó`);
  });

  it('draws every chart on its canvas', async () => {
    const charts = await page.$$eval('canvas[data-chart]', (canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
        return { id: c.dataset.chart, inked, of: c.width * c.height };
      }),
    );
    expect(charts.map((c) => c.id).sort()).toEqual(['per-day', 'per-field', 'per-hour', 'satisfaction']);
    // Bars, axes and labels cover a real share of each canvas, not a stray pixel or two.
    for (const c of charts) expect(c.inked / c.of, c.id).toBeGreaterThan(0.02);
  });

  it('downloads the period as an .xlsx workbook', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-xlsx"]')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('downloads the chosen breakdown as a CSV table', async () => {
    await page.selectOption('.csv-export select', 'field');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-csv"]')]);
    const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/)[0]).toMatch(/^Lĩnh vực;/);
    expect(text).toContain('Chứng thực');
    expect(await page.textContent('.csv-note')).toContain('dấu chấm phẩy (;)');
  });

  it('downloads the official report as a Word document', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-docx"]')]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('lists the reporting year’s latest 500 officer-days and says the files hold the earlier ones', async () => {
    await page.click('button[data-preset="year"]');
    await page.waitForSelector('.report[data-from="2024-12-15"][data-to="2025-12-14"]');
    expect(await page.locator('[data-table="staff-day"] tbody tr').count()).toBe(500);
    const note = await page.textContent('[data-section="table-staff-day"] p.muted');
    expect(note).toMatch(/chỉ liệt kê 500 dòng cán bộ theo ngày cuối kỳ; [\d.]+ dòng của những ngày trước đó/);
    // The rows shown are the latest: the last is on the year's last day with data.
    expect(await page.textContent('[data-table="staff-day"] tbody tr:last-child td:first-child')).toBe('13/06/2025');
  });
});
