// The city managers' app and the centre's link screen in Chromium, on a real PostgreSQL: a
// centre is pointed at the city from its managers' app and sends its months; the city manager
// sees it live, reads the period's figures, registers another centre (its credential shown
// once) and imports the procedure catalogue, which the centre then installs.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '@protocol/local-time';
import { createCityApp, type CityApp } from '../../city-server/create-city-app';
import { loadCitySettings } from '../../city-server/settings';
import { addDays } from '../../server/reports/calendar-days';
import { simulatePeriod } from '../../server/simulator/simulate';
import { hasChromium, launchBrowser } from '../support/browser';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server';

const CITY_PASSWORD = 'mat-khau-thanh-pho';
const TODAY = localDay(Date.now(), 'Asia/Ho_Chi_Minh');
const FROM = addDays(TODAY, -20);
const TO = addDays(TODAY, -2);
const SHOTS = process.env.QMS_SCREENSHOTS;

describe.skipIf(!hasChromium || !postgresBinDir())('city managers’ app and the centre’s link in the browser', () => {
  let db: ThrowawayPostgres;
  let city: CityApp;
  let cityUrl: string;
  let centre: TestServer;
  let dataDir: string;
  let browser: Browser;
  let page: Page;
  let token: string;
  let simulatedTickets = 0;

  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    db = await startThrowawayPostgres({ durable: false });
    const settings = loadCitySettings({ QMS_CITY_DATABASE_URL: db.url, QMS_CITY_ALLOW_HTTP: '1', QMS_ADMIN_PASSWORD: CITY_PASSWORD, PORT: '0', QMS_HOST: '127.0.0.1' });
    city = await createCityApp({ settings, logger: pino({ level: 'silent' }), distDir: fileURLToPath(new URL('../../dist', import.meta.url)) });
    cityUrl = `http://127.0.0.1:${await city.listen()}`;
    ({ token } = await city.ctx.registry.create('phuong-hong-bang', 'Phường Hồng Bàng'));
    dataDir = await mkdtemp(join(tmpdir(), 'qms-city-browser-'));
    simulatedTickets = (await simulatePeriod({ dataDir, from: FROM, to: TO, visits: 400, seed: 5 })).tickets;
    centre = await startTestServer({ dataDir, env: { QMS_CITY_ALLOW_HTTP: '1', QMS_CITY_ROUND_SECONDS: '0.5' } });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await centre?.close();
    await city?.close();
    await db?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('points the centre at the city from its managers’ app and shows the backlog going out', async () => {
    await page.goto(`${centre.url}/manager/#/quan-tri/thanh-pho`);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', ADMIN_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-link-status="off"]');
    await page.fill('input[name="city-url"]', 'ftp://thanh-pho');
    await page.fill('input[name="city-token"]', token);
    await page.click('[data-section="city-link"] button[type="submit"]');
    await expect.poll(() => page.textContent('[data-section="city-link"] [role="status"]')).toContain('https://');
    await page.fill('input[name="city-url"]', cityUrl);
    await page.click('[data-section="city-link"] button[type="submit"]');
    await page.waitForSelector('[data-link-status="ok"][data-link-status]', { timeout: 20_000 });
    await page.waitForSelector('[data-backlog="0"]', { timeout: 20_000 });
    expect(await page.inputValue('input[name="city-token"]')).toBe('');
    await shot('centre-city-link');
  });

  it('shows the city manager the centre live and its period’s figures', async () => {
    await page.goto(`${cityUrl}/city/`);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', CITY_PASSWORD);
    await page.click('button[type="submit"]');
    const row = page.locator('[data-page="city-today"] [data-centre="phuong-hong-bang"]');
    await expect.poll(() => row.textContent()).toContain('Đang kết nối');
    await shot('city-today');
    await page.click('[data-nav="bao-cao"]');
    await page.fill('input[name="from"]', `${FROM.slice(8)}/${FROM.slice(5, 7)}/${FROM.slice(0, 4)}`);
    await page.fill('input[name="to"]', `${TO.slice(8)}/${TO.slice(5, 7)}/${TO.slice(0, 4)}`);
    await page.click('button:has-text("Xem báo cáo")');
    const visits = page.locator('[data-table="by-centre"] [data-row="phuong-hong-bang"] td.num').first();
    await expect.poll(async () => (await visits.textContent())?.replace(/\D/g, '')).toBe(String(simulatedTickets));
    expect(await page.locator('[data-table="by-centre-field"] tbody tr').count()).toBeGreaterThan(3);
    await shot('city-reports');
  });

  it('registers a centre and shows its credential once', async () => {
    await page.click('[data-nav="trung-tam"]');
    await page.fill('input[name="id"]', 'xa-an-lao');
    await page.fill('input[name="name"]', 'Xã An Lão');
    await page.click('button:has-text("Tạo mã kết nối")');
    const shown = (await page.locator('[data-token]').textContent())?.trim() ?? '';
    expect(shown.length).toBeGreaterThan(30);
    expect(city.ctx.registry.centreOf(shown)).toBe('xa-an-lao');
    await page.waitForSelector('[data-table="centres"] [data-centre="xa-an-lao"]');
    await shot('city-centres');
    await page.reload();
    await page.waitForSelector('[data-table="centres"] [data-centre="xa-an-lao"]');
    expect(await page.locator('[data-token]').count()).toBe(0);
    expect(await page.content()).not.toContain(shown);
  });

  it('imports the catalogue at the city, and the centre installs it', async () => {
    await page.click('[data-nav="danh-muc"]');
    await page.setInputFiles('input[name="catalogue-file"]', fileURLToPath(new URL('../catalogue/thu-tuc-hop-le.csv', import.meta.url)));
    await page.click('button:has-text("Nhập danh mục")');
    await expect.poll(() => page.textContent('[data-catalogue-head]')).toContain('Bản 1');
    await shot('city-catalogue');
    const admin = await centre.login();
    // The link checks the city's catalogue when it starts a round after a settings change.
    await centre.http('PUT', '/api/city-link', { url: cityUrl, token: '' }, admin);
    await expect
      .poll(async () => (await centre.http('GET', '/api/procedures/info', undefined, admin)).body, { timeout: 20_000 })
      .toMatchObject({ source: 'import', filename: 'thu-tuc-hop-le.csv' });
    const csv = await readFile(fileURLToPath(new URL('../catalogue/thu-tuc-hop-le.csv', import.meta.url)), 'utf8');
    expect(csv).toContain('1.001193');
    expect((await centre.http('GET', '/api/procedures/1.001193')).body.name).toBe('Đăng ký khai sinh');
  });
});
