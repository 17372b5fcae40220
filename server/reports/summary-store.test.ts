import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

function service(dataDir: string, today = '2026-06-01', warnings: string[] = [], maxCachedRows?: number) {
  return createReportService({
    dataDir,
    getConfig: () => sampleCentre,
    getStaff: () => [],
    getToday: () => ({ state: emptyState(today), events: [] }),
    logger: { warn: (_details, message) => warnings.push(message) },
    maxCachedRows,
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
    expect(parseSummary(await readFile(summaryFile(dataDir, DAY), 'utf8'), DAY).visitCount).toBe(before.totals.visits.visits);
    expect(warnings.join('\n')).toMatch(/corrupt day summary/);
  });

  it('sets aside a summary written by a newer release and rebuilds it from the journal, never half read', async () => {
    const before = await service(dataDir).report(DAY, DAY);
    const stored = JSON.parse(await readFile(summaryFile(dataDir, DAY), 'utf8'));
    expect(stored.format).toBe(2);
    await writeFile(summaryFile(dataDir, DAY), JSON.stringify({ ...stored, format: 3 }));
    const warnings: string[] = [];
    const after = await service(dataDir, '2026-06-01', warnings).report(DAY, DAY);
    expect(after.totals).toEqual(before.totals);
    expect(JSON.parse(await readFile(summaryFile(dataDir, DAY), 'utf8')).format).toBe(2);
    expect((await readdir(join(dataDir, 'summaries'))).filter((n) => n.startsWith(`${DAY}.json.corrupt-`))).toHaveLength(1);
  });

  it('rebuilds a summary whose columns point outside its name lists', async () => {
    const events = await journalEvents(dataDir, DAY);
    const summary = summarizeDay(DAY, events, TZ);
    summary.services.field[0] = 200;
    await writeFile(summaryFile(dataDir, DAY), serializeSummary(summary));
    const report = await service(dataDir).report(DAY, DAY);
    expect(report.totals.services.services).toBe(summarizeDay(DAY, events, TZ).serviceCount);
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
    expect(second.totals.visits.visits).toBe(first.totals.visits.visits + 1);
  });

  it('closeDay() writes the summary that later reports read', async () => {
    const day = '2026-03-09';
    const events = (await journalEvents(dataDir, DAY)).map((e) => (e.type === 'day.opened' ? { ...e, day } : e));
    const reports = service(dataDir);
    await reports.closeDay(day, events);
    const stored = parseSummary(await readFile(summaryFile(dataDir, day), 'utf8'), day);
    expect(stored.visitCount).toBe(events.filter((e) => e.type === 'ticket.issued').length);
    expect(stored.serviceCount).toBe(events.filter((e) => e.type === 'ticket.called').length);
    expect((await service(dataDir).report(day, day)).totals.visits.visits).toBe(stored.visitCount);
  });

  it('closeDay() while a report is building the same day: both finish, one summary', async () => {
    await rm(join(dataDir, 'summaries'), { recursive: true });
    const events = await journalEvents(dataDir, DAY);
    const reports = service(dataDir);
    const [, report] = await Promise.all([reports.closeDay(DAY, events), reports.report(DAY, DAY)]);
    expect(report.totals.visits.visits).toBe(events.filter((e) => e.type === 'ticket.issued').length);
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
    expect(back.visitCount).toBe(summary.visitCount);
    expect(back.serviceCount).toBe(summary.serviceCount);
    expect([...back.visits.waitMs]).toEqual([...summary.visits.waitMs]);
    expect([...back.services.reason]).toEqual([...summary.services.reason]);
    expect([...back.services.outcome]).toEqual([...summary.services.outcome]);
    expect(back.fields).toEqual(summary.fields);
    expect(back.presence).toEqual(summary.presence);
    expect(back.dossierCodes).toEqual(summary.dossierCodes);
    expect(() => parseSummary(serializeSummary(summary), '2026-03-03')).toThrow(/expected 2026-03-03/);
  });

  it('lists only days of the range that have data', async () => {
    const store = new SummaryStore({ dataDir, timeZone: () => TZ });
    expect(await store.daysWithData('2026-03-01', '2026-03-04')).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
  });
});

describe('a data folder summarised by an older release (summary format 1)', () => {
  const OLD_DAY = '2026-03-16';
  const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-format-1-'));
    await mkdir(join(dataDir, 'summaries'), { recursive: true });
    await writeFile(summaryFile(dataDir, OLD_DAY), await fixture('summary-format-1.json'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('summarises the day again from its journal, with every service, and writes format 2', async () => {
    await mkdir(join(dataDir, 'journal'), { recursive: true });
    await writeFile(join(dataDir, 'journal', `${OLD_DAY}.jsonl`), await fixture('journal-format-1.jsonl'));
    const old = JSON.parse(await fixture('format-1-report.json'));
    const report = await service(dataDir).report(OLD_DAY, OLD_DAY);
    expect(report.totals.visits).toMatchObject({ visits: old.visits, served: old.served, absent: old.noShows, priority: old.priority });
    expect(report.daysWithoutServices).toBe(0);
    expect(report.totals.services.services).toBeGreaterThanOrEqual(old.visits);
    expect(report.totals.time.signedInSeconds).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(summaryFile(dataDir, OLD_DAY), 'utf8')).format).toBe(2);
  });

  it('still reports from the old file when its journal is gone: the same visits, one service per called ticket at its last counter', async () => {
    const old = JSON.parse(await fixture('format-1-report.json'));
    const report = await service(dataDir).report(OLD_DAY, OLD_DAY);
    expect(report.totals.visits).toMatchObject({ visits: old.visits, served: old.served, absent: old.noShows, unserved: old.unserved, priority: old.priority });
    expect(report.totals.visits.wait.medianSeconds).toBe(old.waitMedianSeconds);
    expect(report.totals.services.ratings.rated).toBe(old.rated);
    const finished = Object.fromEntries(report.byCounter.filter((c) => c.services.finished > 0).map((c) => [c.key, c.services.finished]));
    expect(finished).toEqual(old.servedByCounter);
    expect(report.daysWithoutServices).toBe(1);
    // Unchanged on disk: nothing to rebuild it from.
    expect(await readFile(summaryFile(dataDir, OLD_DAY), 'utf8')).toBe(await fixture('summary-format-1.json'));
  });
});
