// npm run simulate -- --from 2026-01-15 --to 2026-02-14 --visits 2150 [--seed 1]
// Writes simulated journals and summaries into QMS_DATA_DIR (default ./data-sim), using the
// centre's config.json there if it has one, and prints what it wrote and the report's lines.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CentreConfig } from '@protocol/config';
import { emptyState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { configFormat } from '../centre/config-format';
import { sampleStaff } from '../centre/sample-staff';
import { readVersionedFile } from '../store/versioned-json-file';
import { rangeProblem } from '../reports/periods';
import { createReportService } from '../reports/report-service';
import { SIMULATED_STAFF, simulatePeriod } from './simulate';

async function centreConfig(dataDir: string): Promise<{ config: CentreConfig; source: string }> {
  const file = join(dataDir, 'config.json');
  // Any release's config.json, read (and upgraded in memory) as the server reads it.
  const read = await readVersionedFile(file, configFormat);
  return read ? { config: read.value, source: file } : { config: sampleCentre, source: 'trung tâm mẫu (protocol/sample-centre.ts)' };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      visits: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const visits = Number(values.visits);
  const seed = Number(values.seed);
  const problem = !values.from || !values.to ? 'cần --from và --to (YYYY-MM-DD)' : rangeProblem(values.from, values.to);
  if (problem || !Number.isInteger(visits) || visits < 0 || !Number.isInteger(seed)) {
    console.error(problem ?? '--visits và --seed phải là số nguyên không âm');
    console.error('Cách dùng: npm run simulate -- --from 2026-01-15 --to 2026-02-14 --visits 2150 [--seed 1]');
    process.exitCode = 2;
    return;
  }
  const dataDir = resolve(process.env.QMS_DATA_DIR ?? './data-sim');
  const { config, source } = await centreConfig(dataDir);
  const started = Date.now();
  const result = await simulatePeriod({ dataDir, from: values.from!, to: values.to!, visits, seed, config });
  console.log(`Cấu hình: ${source}`);
  console.log(`Đã ghi ${result.days.length} ngày làm việc, ${result.tickets} phiếu, ${result.events} sự kiện trong ${Date.now() - started} ms`);
  console.log(`  nhật ký:  ${result.journalDir}`);
  console.log(`  tổng hợp: ${result.summaryDir}`);
  for (const d of result.days) console.log(`  ${d.day}: ${d.tickets} phiếu, ${d.events} sự kiện`);

  const reports = createReportService({
    dataDir,
    getConfig: () => config,
    getStaff: () => sampleStaff.filter((s) => SIMULATED_STAFF.includes(s.username)).map((s) => ({ id: s.username, name: s.name })),
    getToday: () => ({ state: emptyState(''), events: [] }),
  });
  const report = await reports.report(values.from!, values.to!);
  console.log('');
  for (const line of report.sentences) console.log(line);
}

await main();
