// The outbox keeps what the city confirmed on disk: a day is queued until the city confirms
// its version, a newer version queues it again, and a reopened outbox remembers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CityOutbox } from './city-outbox';
import { urlProblem } from './link-settings';

describe('CityOutbox', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qms-outbox-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('sends the oldest days first and forgets only what the city confirmed', async () => {
    const outbox = await CityOutbox.open(dir);
    outbox.offer('2026-03-03', 30);
    outbox.offer('2026-03-01', 10);
    outbox.offer('2026-03-02', 20);
    expect(outbox.next(2)).toEqual([
      { day: '2026-03-01', version: 10 },
      { day: '2026-03-02', version: 20 },
    ]);
    await outbox.acknowledge([{ day: '2026-03-01', version: 10 }]);
    expect(outbox.backlog).toBe(2);

    const reopened = await CityOutbox.open(dir);
    for (const [day, version] of [['2026-03-01', 10], ['2026-03-02', 20], ['2026-03-03', 30]] as const) reopened.offer(day, version);
    expect(reopened.next(31).map((d) => d.day)).toEqual(['2026-03-02', '2026-03-03']);
    // The day's journal grew after it was confirmed: its new version goes again.
    reopened.offer('2026-03-01', 11);
    expect(reopened.next(1)).toEqual([{ day: '2026-03-01', version: 11 }]);
  });

  it('keeps the installed catalogue version across a restart', async () => {
    await (await CityOutbox.open(dir)).setCatalogueVersion(4);
    expect((await CityOutbox.open(dir)).catalogueVersion).toBe(4);
  });
});

describe('urlProblem', () => {
  it('takes https, refuses plain http unless a LAN test allows it, and refuses anything else', () => {
    expect(urlProblem('https://hcc.haiphong.gov.vn', false)).toBeNull();
    expect(urlProblem('http://10.0.0.5:3100', false)).toContain('HTTPS');
    expect(urlProblem('http://10.0.0.5:3100', true)).toBeNull();
    expect(urlProblem('ftp://x', true)).toContain('https://');
    expect(urlProblem('không phải địa chỉ', false)).toContain('không hợp lệ');
  });
});
