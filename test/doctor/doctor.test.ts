// `npm run doctor` against the real things it checks: a port another program holds, a data
// folder on a read-only disk, a disk that is nearly full (tmpfs), a network printer that is
// there or not, and a LAN time server whose clock is off. Mounting needs root; without it
// those two cases are skipped loudly.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { checkClock, checkDataFolder, checkDisk, checkPort, checkPrinter } from '../../server/doctor/checks';
import { startTcpPrinter } from '../printer/tcp-printer-emulator';
import { startTestServer } from '../support/server';
import { startSntpServer } from './sntp-emulator';

const run = promisify(execFile);
/** Mounting a tmpfs needs root (CI is); probed once, as scripts/test.mjs does. */
function canMountTmpfs(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'qms-mount-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]).status !== 0) return false;
    spawnSync('umount', [dir]);
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const isRoot = canMountTmpfs();
if (!isRoot) console.warn('\n!!! SKIPPING the doctor\'s read-only and full-disk cases: a tmpfs cannot be mounted here (needs root)\n');

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qms-doctor-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function tmpfs(options: string): Promise<string> {
  const dir = await tempDir();
  await run('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  cleanups.push(() => run('umount', [dir]));
  return dir;
}

/** Another program on a port: it accepts connections and never answers. */
async function holdPort(): Promise<{ release: () => Promise<void>; port: number }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let open = true;
  const release = async () => {
    if (!open) return;
    open = false;
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  cleanups.push(release);
  return { release, port: (server.address() as { port: number }).port };
}

describe('doctor', () => {
  it('says the port is busy when another program holds it, and free once it lets go', async () => {
    const { release, port } = await holdPort();
    const busy = await checkPort({ port, host: '127.0.0.1' });
    expect(busy).toMatchObject({ level: 'error', message: `Cổng ${port} đang bị một chương trình khác sử dụng: máy chủ sẽ không khởi động được.` });
    expect(busy.fix).toContain('PORT=');
    await release();
    expect(await checkPort({ port, host: '127.0.0.1' })).toMatchObject({ level: 'ok' });
  });

  it('recognises the queue server itself already running on the port', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const port = Number(new URL(server.url).port);
    expect(await checkPort({ port, host: '127.0.0.1' })).toMatchObject({ level: 'ok', message: `Máy chủ xếp hàng đã đang chạy ở cổng ${port}.` });
  });

  it('accepts a data folder it can write, creating it as the server would', async () => {
    const dir = join(await tempDir(), 'du-lieu');
    expect(await checkDataFolder(dir)).toMatchObject({ level: 'ok' });
  });

  it.skipIf(!isRoot)('says the data folder is not writable on a read-only disk', async () => {
    const dir = await tmpfs('ro,size=1m');
    const finding = await checkDataFolder(dir);
    expect(finding).toMatchObject({ level: 'error', message: `Không ghi được vào thư mục dữ liệu ${dir} (EROFS): phiếu và cấu hình sẽ không được lưu.` });
  });

  it.skipIf(!isRoot)('says the disk is nearly full, and nothing when it has room', async () => {
    const dir = await tmpfs('size=256m');
    expect(await checkDisk(join(dir, 'du-lieu'))).toMatchObject({ level: 'ok' });
    await writeFile(join(dir, 'day.bin'), Buffer.alloc(248 * 1024 * 1024));
    const full = await checkDisk(join(dir, 'du-lieu'));
    expect(full.level).toBe('error');
    expect(full.message).toMatch(/^Ổ đĩa gần hết chỗ: chỉ còn \d+ MB/);
  });

  it('finds a network printer that answers and says so when nothing answers at its address', async () => {
    const printer = await startTcpPrinter();
    cleanups.push(() => printer.close());
    const dataDir = await tempDir();
    expect(await checkPrinter(`tcp://127.0.0.1:${printer.port}`, dataDir)).toMatchObject({ level: 'ok' });
    const { release, port } = await holdPort();
    await release();
    const gone = await checkPrinter(`tcp://127.0.0.1:${port}`, dataDir, 500);
    expect(gone).toMatchObject({ level: 'error', message: `Không kết nối được máy in phiếu (tcp://127.0.0.1:${port}).` });
  });

  it('says how far the clock is from the LAN time server', async () => {
    const far = await startSntpServer(10 * 60_000);
    cleanups.push(() => far.close());
    const off = await checkClock(`127.0.0.1:${far.port}`);
    expect(off.level).toBe('error');
    expect(off.message).toMatch(/^Đồng hồ máy chủ lệch 60\d giây so với 127\.0\.0\.1:\d+ \(máy chủ chậm hơn\)/);
    const near = await startSntpServer(0);
    cleanups.push(() => near.close());
    expect(await checkClock(`127.0.0.1:${near.port}`)).toMatchObject({ level: 'ok' });
  });

  it('runs as npm run doctor with the settings file, in Vietnamese, and exits 1 on a problem', async () => {
    const dir = await tempDir();
    const { port } = await holdPort();
    const clock = await startSntpServer(0);
    cleanups.push(() => clock.close());
    await mkdir(join(dir, 'du-lieu'));
    await writeFile(
      join(dir, 'qms.env'),
      `# the centre's server settings\nPORT=${port}\nQMS_HOST=127.0.0.1\nQMS_DATA_DIR=du-lieu\nQMS_TIME_SOURCE=127.0.0.1:${clock.port}\n`,
    );
    const result = await run('npx', ['tsx', 'server/doctor/doctor-cli.ts'], { env: { ...process.env, QMS_SETTINGS_FILE: join(dir, 'qms.env') } }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Cấu hình đọc từ ${join(dir, 'qms.env')}`);
    expect(result.stdout).toContain(`[LỖI] Cổng ${port} đang bị một chương trình khác sử dụng`);
    // The data folder in the file is relative to the file's own folder.
    expect(result.stdout).toContain(`[ĐẠT] Thư mục dữ liệu ${join(dir, 'du-lieu')} ghi được.`);
    expect(result.stdout).toContain('[ĐẠT] Đồng hồ máy chủ khớp với');
    expect(result.stdout).toContain('Có 1 lỗi và 0 cảnh báo cần xử lý.');
  }, 60_000);
});
