// Backups in the managers' app, in a real browser: the second location is chosen, its problem
// shown in Vietnamese until the drive is there, then the time of the last good copy; a refused
// restore names the part of the backup and the field in Vietnamese.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repack } from '../support/archives';
import { hasChromium, launchBrowser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

describe.skipIf(!hasChromium)('backups in the managers\u2019 app', () => {
  let browser: Browser;
  let server: TestServer | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await server?.close();
    for (const c of cleanups.splice(0)) await c();
  });

  async function backupTab(): Promise<Page> {
    server = await startTestServer({ deps: { prepareVoiceOnChange: false } });
    const token = await server.login();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await page.addInitScript((t) => localStorage.setItem('qms.manager.token', t), token);
    await page.goto(`${server.url}/manager/#/quan-tri/sao-luu`);
    await page.waitForSelector('[data-second-copy="off"]');
    return page;
  }

  it('shows why the second copy failed until the drive is mounted, then when the last good copy was made', async () => {
    const page = await backupTab();
    const mountPoint = await mkdtemp(join(tmpdir(), 'qms-usb-'));
    cleanups.push(() => rm(mountPoint, { recursive: true, force: true }));
    await page.fill('input[name="second-location"]', mountPoint);
    await page.click('[data-action="save-second-location"]');
    await expect.poll(() => page.textContent('[data-second-copy="problem"]')).toContain('nằm trên cùng ổ đĩa với dữ liệu');
    expect(await page.textContent('[data-second-copy="last-good"]')).toBe('Chưa có bản sao nào ở nơi thứ hai.');

    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]).status !== 0) return; // not root: small-disk.ts says so in the server tests
    cleanups.unshift(async () => void spawnSync('umount', ['-l', mountPoint]));
    await page.click('[data-action="copy-now"]');
    await expect.poll(() => page.textContent('[data-second-copy="last-good"]')).toMatch(/^Bản sao tốt gần nhất: tu-dong-\d{4}-\d{2}-\d{2}\.tar\.gz, chép lúc /);
    expect(await page.locator('[data-second-copy="problem"]').count()).toBe(0);
  });

  it('names the field of a restored configuration that does not validate, in Vietnamese', async () => {
    const page = await backupTab();
    const res = await fetch(`${server!.url}/api/backup`, { headers: { authorization: `Bearer ${await server!.login()}` } });
    const archive = await repack(Buffer.from(await res.arrayBuffer()), async (dir) => {
      const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
      config.centre.timeZone = 'Mars/Olympus_Mons';
      await writeFile(join(dir, 'config.json'), JSON.stringify(config));
    });
    await page.locator('input[name="backup-file"]').setInputFiles({ name: 'sao-luu.tar.gz', mimeType: 'application/gzip', buffer: archive });
    await page.click('[data-action="restore-backup"]');
    await page.click('[data-action="confirm-restore"]');
    await expect
      .poll(() => page.textContent('.banner.error'))
      .toBe('Không khôi phục được: config.json › centre.timeZone: Múi giờ không có trong danh sách múi giờ; ở Việt Nam dùng Asia/Ho_Chi_Minh.');
  });
});
