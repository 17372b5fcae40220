// One year's report for a small centre (50,000 tickets) and a very busy one (1,000,000):
// cold (summaries read from disk) and warm (from the memory cache), plus the export and
// the process memory while doing it. Targets: 100 ms and 1 s for the warm one-year report.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyState } from '../protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { createReportService } from '../server/reports/report-service';
import { reportingYear, writeSyntheticYear } from './reports-synthetic-year';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The goal for this figure, when it has one. */
  target?: string;
}

const MB = 1024 * 1024;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function benchYear(label: string, tickets: number, target: string): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'qms-bench-reports-'));
  try {
    const { from, to } = reportingYear(2026);
    const days = await writeSyntheticYear(dataDir, from, to, tickets);
    const service = createReportService({
      dataDir,
      getConfig: () => sampleCentre,
      getStaff: () => [],
      getToday: () => ({ state: emptyState('2027-01-04'), events: [] }),
    });
    const cold = await timed(() => service.report(from, to));
    if (cold.value.totals.visits.visits !== tickets) throw new Error(`report counted ${cold.value.totals.visits.visits} of ${tickets} tickets`);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await timed(() => service.report(from, to))).ms);
    const memory = process.memoryUsage();
    const xlsx = await timed(() => service.xlsx(from, to));
    return [
      { name: `reports: one-year report, ${label} tickets (${days.length} days), cold`, value: Math.round(cold.ms), unit: 'ms', target },
      { name: `reports: one-year report, ${label} tickets, warm (median of 5)`, value: Math.round(median(warm)), unit: 'ms', target },
      { name: `reports: one-year .xlsx export, ${label} tickets, warm`, value: Math.round(xlsx.ms), unit: 'ms' },
      { name: `reports: rss after ${label}-ticket year`, value: Math.round(memory.rss / MB), unit: 'MB' },
      { name: `reports: heapUsed after ${label}-ticket year`, value: Math.round(memory.heapUsed / MB), unit: 'MB' },
      { name: `reports: typed arrays (arrayBuffers) after ${label}-ticket year`, value: Math.round(memory.arrayBuffers / MB), unit: 'MB' },
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchReports(): Promise<BenchResult[]> {
  return [...(await benchYear('50,000', 50_000, '≤ 100')), ...(await benchYear('1,000,000', 1_000_000, '≤ 1000'))];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchReports()) console.log(`${r.name}: ${r.value} ${r.unit}`);
}
