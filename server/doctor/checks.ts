// What `npm run doctor` checks before the service is started, each a plain function of the
// settings that answers with a finding: the port, the data folder, the disk, the printer and
// the clock. Every check touches the real thing (opens the port, writes and syncs a file,
// asks the printer its state, asks a LAN machine the time) and none changes anything.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open, statfs, unlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import type { Settings } from '../settings';
import { createPrinter } from '../devices/printer';
import { parseTimeSource, sntpOffset } from './sntp';
import { doctorTexts as t } from './texts';

export type Level = 'ok' | 'warn' | 'error';

export interface Finding {
  check: 'port' | 'data-folder' | 'disk' | 'printer' | 'clock';
  level: Level;
  message: string;
  fix?: string;
}

export async function checkPort(settings: Pick<Settings, 'port' | 'host'>): Promise<Finding> {
  const code = await new Promise<string | null>((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'ERROR'));
    server.listen(settings.port, settings.host, () => server.close(() => resolve(null)));
  });
  if (code === null) return { check: 'port', level: 'ok', message: t.portFree(settings.port) };
  if (code === 'EACCES') return { check: 'port', level: 'error', message: t.portDenied(settings.port), fix: t.portDeniedFix };
  // Busy: our own server already running there is good news, anything else is in the way.
  if (await isQueueServer(settings.port)) return { check: 'port', level: 'ok', message: t.portOurs(settings.port) };
  return { check: 'port', level: 'error', message: t.portBusy(settings.port), fix: t.portBusyFix(settings.port) };
}

async function isQueueServer(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1500) });
    const body = (await res.json()) as { seq?: unknown; day?: unknown };
    return typeof body.seq === 'number' && typeof body.day === 'string';
  } catch {
    return false;
  }
}

/** Creates the folder as the server would, then writes, syncs and removes a probe file. */
export async function checkDataFolder(dataDir: string): Promise<Finding> {
  const probe = join(dataDir, `.kiem-tra-ghi-${randomUUID()}`);
  try {
    await mkdir(dataDir, { recursive: true });
    const file = await open(probe, 'wx');
    try {
      await file.writeFile('kiem tra');
      await file.sync();
    } finally {
      await file.close();
    }
    await unlink(probe);
    return { check: 'data-folder', level: 'ok', message: t.dataOk(dataDir) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'ERROR';
    return { check: 'data-folder', level: 'error', message: t.dataNotWritable(dataDir, code), fix: t.dataNotWritableFix(dataDir) };
  }
}

/** Below either share of the disk or amount of room (a small disk is measured by its share). */
export const DISK_ERROR = { share: 0.05, bytes: 20 * 1024 * 1024 };
export const DISK_WARN = { share: 0.1, bytes: 100 * 1024 * 1024 };

export async function checkDisk(dataDir: string): Promise<Finding> {
  let dir = dataDir;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    const s = await statfs(dir);
    const free = s.bavail * s.bsize;
    const share = s.blocks > 0 ? s.bavail / s.blocks : 0;
    const pct = Math.round(share * 100);
    if (share < DISK_ERROR.share || free < DISK_ERROR.bytes) return { check: 'disk', level: 'error', message: t.diskFull(free, pct), fix: t.diskFix };
    if (share < DISK_WARN.share || free < DISK_WARN.bytes) return { check: 'disk', level: 'warn', message: t.diskLow(free, pct), fix: t.diskFix };
    return { check: 'disk', level: 'ok', message: t.diskOk(free) };
  } catch {
    return { check: 'disk', level: 'warn', message: t.diskUnknown };
  }
}

/** The printer the server will use: the managers' choice in config.json, else QMS_PRINTER. */
export function effectivePrinterSpec(settings: Pick<Settings, 'printer' | 'dataDir'>): string {
  try {
    const config = JSON.parse(readFileSync(join(settings.dataDir, 'config.json'), 'utf8')) as { printer?: { connection?: unknown } };
    const chosen = config.printer?.connection;
    if (typeof chosen === 'string' && chosen.trim()) return chosen.trim();
  } catch {
    /* no configuration yet: the first start writes the sample centre */
  }
  return settings.printer;
}

export async function checkPrinter(spec: string, dataDir: string, timeoutMs = 3000): Promise<Finding> {
  let printer;
  try {
    printer = createPrinter(spec, { dataDir, timeoutMs });
  } catch {
    return { check: 'printer', level: 'error', message: t.printerUnreachable(spec), fix: t.printerUnreachableFix };
  }
  try {
    const state = await printer.status();
    if (state === 'ok') return { check: 'printer', level: 'ok', message: t.printerOk(spec) };
    if (state === 'paper-out') return { check: 'printer', level: 'warn', message: t.printerPaperOut(spec), fix: t.printerPaperOutFix };
    if (state === 'offline') return { check: 'printer', level: 'error', message: t.printerUnreachable(spec), fix: t.printerUnreachableFix };
    return { check: 'printer', level: 'error', message: t.printerError(spec), fix: t.printerErrorFix };
  } catch {
    return { check: 'printer', level: 'error', message: t.printerUnreachable(spec), fix: t.printerUnreachableFix };
  } finally {
    await printer.close().catch(() => undefined);
  }
}

/** Beyond this the tickets' times and the opening hours are visibly wrong. */
export const CLOCK_ERROR_MS = 60_000;
export const CLOCK_WARN_MS = 5_000;

export async function checkClock(timeSource: string | undefined): Promise<Finding> {
  const source = timeSource ?? defaultGateway();
  if (!source) return { check: 'clock', level: 'warn', message: t.clockNoSource, fix: t.clockNoSourceFix };
  const { host, port } = parseTimeSource(source);
  let offset: number;
  try {
    offset = await sntpOffset(host, port);
  } catch {
    return { check: 'clock', level: 'warn', message: t.clockNoAnswer(source), fix: t.clockNoAnswerFix };
  }
  const seconds = Math.round(offset / 1000);
  if (Math.abs(offset) >= CLOCK_ERROR_MS) return { check: 'clock', level: 'error', message: t.clockOff(source, seconds), fix: t.clockFix };
  if (Math.abs(offset) >= CLOCK_WARN_MS) return { check: 'clock', level: 'warn', message: t.clockOff(source, seconds), fix: t.clockFix };
  return { check: 'clock', level: 'ok', message: t.clockOk(source, seconds) };
}

/** The LAN's router, the usual time source when none is named (Linux; elsewhere none). */
function defaultGateway(): string | undefined {
  try {
    for (const line of readFileSync('/proc/net/route', 'utf8').split('\n').slice(1)) {
      const [, destination, gateway] = line.trim().split(/\s+/);
      if (destination === '00000000' && gateway && gateway !== '00000000') {
        const n = parseInt(gateway, 16);
        return [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255].join('.');
      }
    }
  } catch {
    /* not Linux */
  }
  return undefined;
}

export async function runChecks(settings: Settings): Promise<Finding[]> {
  const dataFolder = await checkDataFolder(settings.dataDir);
  const [port, disk, printer, clock] = await Promise.all([
    checkPort(settings),
    checkDisk(settings.dataDir),
    checkPrinter(effectivePrinterSpec(settings), settings.dataDir),
    checkClock(settings.timeSource),
  ]);
  return [port, dataFolder, disk, printer, clock];
}
