import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyState, type QueueEvent } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { formatJournalLine } from '../store/journal-line';
import { parseSummary, serializeSummary, summarizeDay } from './day-summary';
import { createReportService } from './report-service';
import { simulatePeriod } from '../simulator/simulate';
import { SummaryStore, summaryFile } from './summary-store';

const DAY = '2026-03-02';
const TZ = sampleCentre.centre.timeZone;

function service(dataDir: string, today = '2026-06-01', warnings: string[] = [], maxCachedTickets?: number) {
  return createReportService({
    dataDir,
    getConfig: () => sampleCentre,
    getStaff: () => [],
    getToday: () => ({ state: emptyState(today) }),
    logger: { warn: (_details, message) => warnings.push(message) },
    maxCachedTickets,
  });
}

async function journalEvents(dataDir: string, day: string): Promise<QueueEvent[]> {
  const text = await readFile(join(dataDir, 'journal', `${day}.jsonl`), 'utf8');
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as QueueEvent);
}

describe('day summaries on disk', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-summaries-'));
    await simulatePeriod({ dataDir, from: '2026-03-02', to: '2026-03-06', visits: 200, seed: 5 });
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('moves a corrupt summary aside and rebuilds it from the journal', async () => {
    const before = await service(dataDir).report(DAY, DAY);
    await writeFile(summaryFile(dataDir, DAY), '{"format":1,"day":"2026-03-02","tick');
    const warnings: string[] = [];
    const after = await service(dataDir, '2026-06-01', warnings).report(DAY, DAY);
    expect(after.totals).toEqual(before.totals);
    const names = await readdir(join(dataDir, 'summaries'));
    expect(names.filter((n) => n.startsWith(`${DAY}.json.corrupt-`))).toHaveLength(1);
    expect(parseSummary(await readFile(summaryFile(dataDir, DAY), 'utf8'), DAY).tickets).toBe(before.totals.visits);
    expect(warnings.join('\n')).toMatch(/corrupt day summary/);
  });

  it('sets aside a summary written by a newer release and rebuilds it from the journal, never half read', async () => {
    const before = await service(dataDir).report(DAY, DAY);
    const stored = JSON.parse(await readFile(summaryFile(dataDir, DAY), 'utf8'));
    expect(stored.format).toBe(1);
    await writeFile(summaryFile(dataDir, DAY), JSON.stringify({ ...stored, format: 2 }));
    const warnings: string[] = [];
    const after = await service(dataDir, '2026-06-01', warnings).report(DAY, DAY);
    expect(after.totals).toEqual(before.totals);
    expect(JSON.parse(await readFile(summaryFile(dataDir, DAY), 'utf8')).format).toBe(1);
    expect((await readdir(join(dataDir, 'summaries'))).filter((n) => n.startsWith(`${DAY}.json.corrupt-`))).toHaveLength(1);
  });

  it('rebuilds a summary whose columns point outside its name lists', async () => {
    const events = await journalEvents(dataDir, DAY);
    const summary = summarizeDay(DAY, events, TZ);
    summary.columns.service[0] = 200;
    await writeFile(summaryFile(dataDir, DAY), serializeSummary(summary));
    const report = await service(dataDir).report(DAY, DAY);
    expect(report.totals.visits).toBe(summarizeDay(DAY, events, TZ).tickets);
    expect((await readdir(join(dataDir, 'summaries'))).some((n) => n.startsWith(`${DAY}.json.corrupt-`))).toBe(true);
  });

  it('builds missing summaries from the journals the first time a report needs them', async () => {
    const expected = await service(dataDir).report('2026-03-02', '2026-03-06');
    await rm(join(dataDir, 'summaries'), { recursive: true });
    const rebuilt = await service(dataDir).report('2026-03-02', '2026-03-06');
    expect(rebuilt.totals).toEqual(expected.totals);
    expect((await readdir(join(dataDir, 'summaries'))).sort()).toEqual(['2026-03-02.json', '2026-03-03.json', '2026-03-04.json', '2026-03-05.json', '2026-03-06.json']);
  });

  it('ignores a torn last journal line', async () => {
    await rm(join(dataDir, 'summaries'), { recursive: true });
    const whole = await service(dataDir).report(DAY, DAY);
    await rm(join(dataDir, 'summaries'), { recursive: true });
    await appendFile(join(dataDir, 'journal', `${DAY}.jsonl`), '{"type":"ticket.issued","ticket":{"id":"torn');
    const torn = await service(dataDir).report(DAY, DAY);
    expect(torn.totals).toEqual(whole.totals);
  });

  it('summarises again when the journal grew after its summary was written', async () => {
    const first = await service(dataDir).report(DAY, DAY);
    const events = await journalEvents(dataDir, DAY);
    const last = events.at(-1)!;
    const extra: QueueEvent = {
      type: 'ticket.issued',
      seq: last.seq + 1,
      at: last.at + 1000,
      ticket: { id: 'late-ticket-1', number: 1999, label: '1999', serviceId: 'chung-thuc', priority: false, source: 'api' },
    };
    await appendFile(join(dataDir, 'journal', `${DAY}.jsonl`), formatJournalLine(extra));
    const second = await service(dataDir).report(DAY, DAY);
    expect(second.totals.visits).toBe(first.totals.visits + 1);
  });

  it('closeDay() writes the summary that later reports read', async () => {
    const day = '2026-03-09';
    const events = (await journalEvents(dataDir, DAY)).map((e) => (e.type === 'day.opened' ? { ...e, day } : e));
    const reports = service(dataDir);
    await reports.closeDay(day, events);
    const stored = parseSummary(await readFile(summaryFile(dataDir, day), 'utf8'), day);
    expect(stored.tickets).toBe(events.filter((e) => e.type === 'ticket.issued').length);
    expect((await service(dataDir).report(day, day)).totals.visits).toBe(stored.tickets);
  });

  it('closeDay() while a report is building the same day: both finish, one summary', async () => {
    await rm(join(dataDir, 'summaries'), { recursive: true });
    const events = await journalEvents(dataDir, DAY);
    const reports = service(dataDir);
    const [, report] = await Promise.all([reports.closeDay(DAY, events), reports.report(DAY, DAY)]);
    expect(report.totals.visits).toBe(events.filter((e) => e.type === 'ticket.issued').length);
    expect(await readdir(join(dataDir, 'summaries'))).toEqual([`${DAY}.json`]);
  });

  it('gives the same figures with a cache too small to hold the period', async () => {
    const roomy = await service(dataDir).report('2026-03-02', '2026-03-06');
    const tight = service(dataDir, '2026-06-01', [], 30);
    expect((await tight.report('2026-03-02', '2026-03-06')).totals).toEqual(roomy.totals);
    expect((await tight.report('2026-03-02', '2026-03-06')).totals).toEqual(roomy.totals);
  });

  it('reads and writes a summary without loss', async () => {
    const summary = summarizeDay(DAY, await journalEvents(dataDir, DAY), TZ);
    const back = parseSummary(serializeSummary(summary), DAY);
    expect(back.tickets).toBe(summary.tickets);
    expect([...back.columns.waitMs]).toEqual([...summary.columns.waitMs]);
    expect([...back.columns.reason]).toEqual([...summary.columns.reason]);
    expect(back.services).toEqual(summary.services);
    expect(() => parseSummary(serializeSummary(summary), '2026-03-03')).toThrow(/expected 2026-03-03/);
  });

  it('lists only days of the range that have data', async () => {
    const store = new SummaryStore({ dataDir, timeZone: () => TZ });
    expect(await store.daysWithData('2026-03-01', '2026-03-04')).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
  });
});
