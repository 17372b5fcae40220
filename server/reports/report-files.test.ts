// The workbook and the document are written in a child process each, one at a time, which is
// gone once the file is back (report-files.ts): the server keeps none of their memory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { childPids as children } from '../../test/support/proc';
import { simulatePeriod } from '../simulator/simulate';
import { writeReportFile } from './report-files';
import { createReportService } from './report-service';

describe.skipIf(process.platform !== 'linux')('report files', () => {
  let dataDir: string;
  let report: Uint8Array;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-report-files-'));
    await simulatePeriod({ dataDir, from: '2026-03-02', to: '2026-03-06', visits: 300, seed: 3 });
    const service = createReportService({ dataDir, getConfig: () => sampleCentre, getStaff: () => [], getToday: () => ({ state: emptyState('2026-03-09'), events: [] }) });
    report = (await service.reportJson('2026-03-02', '2026-03-06')).bytes;
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes each file in a process of its own, one at a time, gone once the file is back', async () => {
    const before = children();
    let most = 0;
    let seen = false;
    const files = Promise.all([writeReportFile({ kind: 'xlsx', report, config: sampleCentre }), writeReportFile({ kind: 'docx', report, config: sampleCentre })]);
    let done = false;
    void files.finally(() => (done = true));
    while (!done) {
      const writers = children().filter((pid) => !before.includes(pid));
      most = Math.max(most, writers.length);
      seen ||= writers.length > 0;
      await new Promise((r) => setTimeout(r, 2));
    }
    const [xlsx, docx] = await files;
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(seen).toBe(true);
    expect(most).toBe(1);
    expect(children().filter((pid) => !before.includes(pid))).toEqual([]);
  });

  it('answers a report it cannot read with an error, and writes the next one', async () => {
    await expect(writeReportFile({ kind: 'xlsx', report: Buffer.from('{not json'), config: sampleCentre })).rejects.toThrow(/report file writer: SyntaxError/);
    const xlsx = await writeReportFile({ kind: 'xlsx', report, config: sampleCentre });
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
