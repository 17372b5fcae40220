// Numbering restarts on the centre's local day: at local midnight a new journal begins, the
// old day is summarised for reports, and every device starts again from a fresh snapshot.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { patience } from '../support/patience';
import { nextEvent, startTestServer, type TestServer } from '../support/server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
});

describe('a new local day', () => {
  it('restarts the numbers, starts a new journal, summarises the old day and resyncs the displays', async () => {
    // 23:50 in Hà Nội (UTC+7) on 24/11/2026.
    let now = Date.UTC(2026, 10, 24, 16, 50);
    server = await startTestServer({ deps: { clock: () => now } });
    const admin = await server.login();
    expect((await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin)).body.label).toBe('2001');
    expect((await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin)).body.label).toBe('2002');
    const display = await server.client(await server.pair('central-display-1'));
    expect(display.snapshot?.state.day).toBe('2026-11-24');

    now = Date.UTC(2026, 10, 24, 17, 5); // 00:05 on the 25th, local time
    const resynced = nextEvent(display.socket, 'state:snapshot');
    const issuedToday = new Promise<number>((resolve) =>
      display.socket.on('queue:event', (e) => {
        if (e.type === 'ticket.issued') resolve(e.seq);
      }),
    );
    const first = await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
    expect(first.body.label).toBe('2001');
    // Yesterday's tickets are gone from the screens; today's first ticket follows the new day's opening.
    const [snapshot] = await resynced;
    expect(snapshot.state.day).toBe('2026-11-25');
    expect(Object.keys(snapshot.state.tickets)).toHaveLength(0);
    expect(await issuedToday).toBe(2);

    expect((await readdir(join(server.dataDir, 'journal'))).sort()).toEqual(['2026-11-24.jsonl', '2026-11-25.jsonl']);
    const summaries = join(server.dataDir, 'summaries');
    await expect.poll(() => readdir(summaries).catch(() => []), { timeout: patience(5000) }).toContain('2026-11-24.json');
    const report = await server.http('GET', '/api/reports?from=2026-11-24&to=2026-11-25', undefined, admin);
    expect(report.body.totals.visits.visits).toBe(3);
  });
});
