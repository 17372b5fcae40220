import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueError } from '@protocol/errors';
import { BackupService } from './backup-service';

let dataDir: string;
let backups: BackupService;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'qms-receive-'));
  backups = new BackupService(dataDir, () => Date.UTC(2026, 2, 16, 2), async () => undefined, () => 'Asia/Ho_Chi_Minh');
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const chunks = (n: number, size: number) => Readable.from(Array.from({ length: n }, (_, i) => Buffer.alloc(size, i)));

describe('receiving an upload', () => {
  it('streams it to a staging folder inside the data folder', async () => {
    const root = await backups.receive(chunks(4, 256), 1024);
    expect(root.startsWith(join(dataDir, '.khoi-phuc-'))).toBe(true);
    expect((await readFile(join(root, 'upload.tar.gz'))).length).toBe(1024);
  });

  it('refuses one past the cap as payload-too-large and leaves nothing behind', async () => {
    const err = await backups.receive(chunks(5, 256), 1024).catch((e) => e);
    expect(err).toBeInstanceOf(QueueError);
    expect(err.code).toBe('payload-too-large');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses an upload cut off by the client and leaves nothing behind', async () => {
    const cut = new Readable({ read() {} });
    cut.push(Buffer.alloc(100));
    setTimeout(() => cut.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })), 50);
    const err = await backups.receive(cut).catch((e) => e);
    expect(err).toMatchObject({ code: 'invalid-payload', details: [{ path: 'archive', message: 'Tệp tải lên bị ngắt giữa chừng.' }] });
    expect(await readdir(dataDir)).toEqual([]);
  });
});
