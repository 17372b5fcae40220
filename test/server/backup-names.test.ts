// Backup files carry the centre's local date and time in their names, whatever the server's
// own zone: at 03:46 on 02/12 in Hà Nội the file says 2026-12-02-03-46, not 2026-12-01T20-46.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, keptBeforeRestoreName } from '../../server/backup/backup-names';
import { startTestServer, type TestServer } from '../support/server';

/** 2026-12-01 20:46:05.042 UTC = 2026-12-02 03:46:05 in Hà Nội (UTC+7). */
const AT = Date.UTC(2026, 11, 1, 20, 46, 5, 42);

describe('backup names', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('names a downloaded backup and the folder kept by a restore in the centre\'s local time', async () => {
    server = await startTestServer({ deps: { clock: () => AT } });
    const admin = await server.login();
    const res = await fetch(`${server.url}/api/backup`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const archive = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-disposition')).toContain('sao-luu-2026-12-02-03-46-05-042.tar.gz');
    const restored = await fetch(`${server.url}/api/backup/restore`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/gzip' }, body: new Uint8Array(archive) });
    expect(restored.status).toBe(200);
    // The downloaded file itself is removed once sent; the folder a restore keeps stays.
    expect(await readdir(join(server.dataDir, 'backups'))).toContain('truoc-khi-khoi-phuc-2026-12-02-03-46-05-042');
  });

  it('follows the configured zone and sorts in time order', () => {
    expect(backupFileName(AT, 'Asia/Ho_Chi_Minh')).toBe('sao-luu-2026-12-02-03-46-05-042.tar.gz');
    expect(backupFileName(AT, 'UTC')).toBe('sao-luu-2026-12-01-20-46-05-042.tar.gz');
    expect(keptBeforeRestoreName(Date.UTC(2026, 0, 1, 0, 0, 0, 0), 'Asia/Ho_Chi_Minh')).toBe('truoc-khi-khoi-phuc-2026-01-01-07-00-00-000');
    const times = [AT, AT + 1, AT + 999, AT + 3_600_000 * 5];
    const names = times.map((t) => backupFileName(t, 'Asia/Ho_Chi_Minh'));
    expect([...names].sort()).toEqual(names);
  });
});
