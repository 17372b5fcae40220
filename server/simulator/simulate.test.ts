import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreConfig } from '@protocol/config';
import { replay, type QueueEvent } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { sampleStaff } from '../centre/sample-staff';
import { localTime } from '@protocol/local-time';
import { readJournal } from '../store/day-journal';
import { simulatePeriod, visitsPerDay } from './simulate';

// Opening hours enforced, so the core itself refuses any ticket issued outside them.
const strictCentre: CentreConfig = { ...sampleCentre, openingHours: { ...sampleCentre.openingHours, enforce: true } };
const TZ = sampleCentre.centre.timeZone;

async function journals(dataDir: string): Promise<Map<string, QueueEvent[]>> {
  const out = new Map<string, QueueEvent[]>();
  for (const name of (await readdir(join(dataDir, 'journal'))).sort()) {
    const read = await readJournal(join(dataDir, 'journal', name));
    expect(read.damaged, name).toEqual([]);
    expect(read.tornBytes, name).toBe(0);
    out.set(name.slice(0, 10), read.events);
  }
  return out;
}

describe('simulatePeriod()', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const d = await mkdtemp(join(tmpdir(), 'qms-simulate-'));
    dirs.push(d);
    return d;
  };
  let monthDir: string;
  let month: Map<string, QueueEvent[]>;

  beforeAll(async () => {
    monthDir = await tempDir();
    await simulatePeriod({ dataDir: monthDir, from: '2026-04-15', to: '2026-05-14', visits: 3000, seed: 4, config: strictCentre });
    month = await journals(monthDir);
  });

  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('writes working days only: no Sundays, no holidays, Saturday mornings only', () => {
    const days = [...month.keys()];
    expect(days).toContain('2026-04-25'); // Saturday
    expect(days).not.toContain('2026-04-26'); // Sunday
    expect(days).not.toContain('2026-04-30'); // holiday
    expect(days).not.toContain('2026-05-01'); // holiday
    for (const [day, events] of month) {
      const weekday = localTime(events[0].at, TZ).weekday;
      expect(weekday, day).not.toBe(0);
      if (weekday === 6) {
        for (const e of events) if (e.type === 'ticket.issued') expect(localTime(e.at, TZ).hhmm < '11:30').toBe(true);
      }
    }
  });

  it('issues exactly the visits asked for, all inside opening hours', () => {
    const issued = [...month.values()].flat().filter((e) => e.type === 'ticket.issued');
    expect(issued).toHaveLength(3000);
  });

  it('writes valid days: numbered from day.opened, in time order, everyone served or gone by closing', () => {
    for (const [day, events] of month) {
      expect(events[0]).toMatchObject({ type: 'day.opened', day, seq: 1 });
      const misnumbered = events.findIndex((e, i) => e.seq !== i + 1);
      const backInTime = events.findIndex((e, i) => i > 0 && e.at < events[i - 1].at);
      expect({ day, misnumbered, backInTime }).toEqual({ day, misnumbered: -1, backInTime: -1 });
      const state = replay(day, events);
      expect(Object.values(state.counters).every((c) => c.status === 'closed'), day).toBe(true);
      expect(Object.values(state.tickets).filter((t) => t.status === 'serving')).toEqual([]);
    }
  });

  it('opens counters with every sample staff member, so every field sees visitors, and uses every outcome', () => {
    const all = [...month.values()].flat();
    const staff = new Set(all.flatMap((e) => (e.type === 'counter.opened' ? [e.staffId] : [])));
    expect([...staff].sort()).toEqual(sampleStaff.map((s) => s.username).sort());
    const fields = new Set(all.flatMap((e) => (e.type === 'ticket.issued' ? [e.ticket.serviceId] : [])));
    expect([...fields].sort()).toEqual(sampleCentre.services.map((s) => s.id).sort());
    const types = new Set(all.map((e) => e.type));
    for (const t of ['ticket.no-show', 'ticket.transferred', 'ticket.rated', 'ticket.rating-expired', 'counter.paused', 'counter.resumed', 'counter.closed'])
      expect(types, t).toContain(t);
    expect(all.some((e) => e.type === 'ticket.rated' && e.reason)).toBe(true);
  });

  it('finishes with outcomes and dossier codes, transfers to fields and to colleagues, and calls back absent citizens, in realistic shares', () => {
    const all = [...month.values()].flat();
    const finished = all.filter((e): e is Extract<QueueEvent, { type: 'ticket.finished' }> => e.type === 'ticket.finished');
    const share = (n: number) => n / finished.length;
    const byOutcome = new Map<string, number>();
    for (const e of finished) byOutcome.set(e.outcome ?? '', (byOutcome.get(e.outcome ?? '') ?? 0) + 1);
    for (const o of sampleCentre.outcomes) expect(byOutcome.get(o.id), o.id).toBeGreaterThan(0);
    // About one finished visit in four receives a dossier, one in twenty is not classified.
    expect(share(byOutcome.get('tiep-nhan')!)).toBeGreaterThan(0.18);
    expect(share(byOutcome.get('tiep-nhan')!)).toBeLessThan(0.3);
    expect(share(byOutcome.get('')!)).toBeGreaterThan(0.02);
    expect(share(byOutcome.get('')!)).toBeLessThan(0.09);
    expect(finished.some((e) => (e.dossierCodes?.length ?? 0) > 1)).toBe(true);
    const transfers = all.filter((e): e is Extract<QueueEvent, { type: 'ticket.transferred' }> => e.type === 'ticket.transferred');
    // About one call in twenty-five passes the citizen on, four in ten of those to a named colleague.
    const calledCount = all.filter((e) => e.type === 'ticket.called').length;
    expect(transfers.length / calledCount).toBeGreaterThan(0.02);
    expect(transfers.length / calledCount).toBeLessThan(0.07);
    expect(transfers.filter((e) => e.toCounterId !== undefined).length / transfers.length).toBeGreaterThan(0.2);
    expect(transfers.filter((e) => e.toCounterId !== undefined).length / transfers.length).toBeLessThan(0.6);
    expect(transfers.some((e) => e.toCounterId !== undefined)).toBe(true);
    expect(transfers.some((e) => e.toCounterId === undefined)).toBe(true);
    const noShows = all.filter((e): e is Extract<QueueEvent, { type: 'ticket.no-show' }> => e.type === 'ticket.no-show');
    expect(noShows.some((e) => e.requeue)).toBe(true);
    const calls = all.filter((e) => e.type === 'ticket.called').length;
    expect(noShows.length / calls).toBeGreaterThan(0.03);
    expect(noShows.length / calls).toBeLessThan(0.08);
    // Someone marked absent (not put back) is called again by number later the same day.
    const absentIds = new Set(noShows.filter((e) => !e.requeue).map((e) => e.ticketId));
    expect(all.some((e) => e.type === 'ticket.called' && e.how === 'number' && absentIds.has(e.ticketId))).toBe(true);
  });

  it('makes đất đai, hộ tịch and chứng thực the busiest fields and the morning the peak', () => {
    const issued = [...month.values()].flat().filter((e): e is Extract<QueueEvent, { type: 'ticket.issued' }> => e.type === 'ticket.issued');
    const perField = new Map<string, number>();
    for (const e of issued) perField.set(e.ticket.serviceId, (perField.get(e.ticket.serviceId) ?? 0) + 1);
    const top3 = [...perField].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => id);
    expect(top3.sort()).toEqual(['chung-thuc', 'dat-dai', 'ho-tich']);
    const weekdayIssued = issued.filter((e) => localTime(e.at, TZ).weekday !== 6);
    const peak = weekdayIssued.filter((e) => ['08', '09'].includes(localTime(e.at, TZ).hhmm.slice(0, 2))).length / 2;
    const averagePerHour = weekdayIssued.length / 7.5;
    expect(peak / averagePerHour).toBeGreaterThan(2);
  });

  it('is deterministic: the same seed writes the same bytes, another seed does not', async () => {
    const a = await tempDir();
    const b = await tempDir();
    const c = await tempDir();
    await simulatePeriod({ dataDir: a, from: '2026-03-02', to: '2026-03-04', visits: 150, seed: 9 });
    await simulatePeriod({ dataDir: b, from: '2026-03-02', to: '2026-03-04', visits: 150, seed: 9 });
    await simulatePeriod({ dataDir: c, from: '2026-03-02', to: '2026-03-04', visits: 150, seed: 10 });
    const text = (dir: string) => readFile(join(dir, 'journal', '2026-03-03.jsonl'), 'utf8');
    expect(await text(a)).toBe(await text(b));
    expect(await text(a)).not.toBe(await text(c));
  });

  it('spreads visits over working days so they add up exactly', () => {
    const plan = visitsPerDay(sampleCentre, ['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'], 101, 1);
    expect([...plan.keys()]).toEqual(['2026-03-06', '2026-03-07', '2026-03-09']);
    expect([...plan.values()].reduce((s, n) => s + n, 0)).toBe(101);
    expect(plan.get('2026-03-07')!).toBeLessThan(plan.get('2026-03-06')!);
  });
});
