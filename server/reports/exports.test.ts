import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { sampleStaff } from '../centre/sample-staff';
import { ReportRequestError } from './periods';
import { createReportService, type ReportService } from './report-service';
import type { Report } from '@protocol/reports';
import { simulatePeriod } from '../simulator/simulate';

const FROM = '2026-03-10';
const TO = '2026-03-20';

describe('report exports', () => {
  let dataDir: string;
  let reports: ReportService;
  let report: Report;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-report-exports-'));
    await simulatePeriod({ dataDir, from: FROM, to: TO, visits: 700, seed: 2 });
    reports = createReportService({
      dataDir,
      getConfig: () => sampleCentre,
      getStaff: () => sampleStaff.map((s) => ({ id: s.username, name: s.name })),
      getToday: () => ({ state: emptyState('2026-04-01') }),
    });
    report = await reports.report(FROM, TO);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes an .xlsx that exceljs reads back with the same numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await reports.xlsx(FROM, TO);
    expect(file.subarray(0, 2).toString()).toBe('PK'); // a zip, as every .xlsx is
    await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Theo lĩnh vực',
      'Theo quầy',
      'Theo cán bộ',
      'Theo ngày',
      'Theo giờ',
      'Mức độ hài lòng',
      'Lý do chưa hài lòng',
    ]);

    const summary = workbook.getWorksheet('Tổng hợp')!;
    const valueOf = (label: string) => {
      let found: ExcelJS.CellValue | undefined;
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(valueOf('Tổng số lượt tiếp công dân tại Trụ sở Trung tâm')).toBe(report.totals.visits);
    expect(valueOf('Tổng số lượt đánh giá')).toBe(report.totals.ratings.rated);
    const texts: unknown[] = [];
    summary.eachRow((row) => texts.push(row.getCell(1).value));
    for (const sentence of report.sentences) expect(texts).toContain(sentence);

    const fields = workbook.getWorksheet('Theo lĩnh vực')!;
    const header = fields.getRow(1).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    expect(col('Số lượt tiếp công dân')).toBeGreaterThan(0);
    report.byField.forEach((row, i) => {
      const cells = fields.getRow(2 + i);
      expect(cells.getCell(1).value).toBe(row.name);
      expect(cells.getCell(col('Số lượt tiếp công dân')).value).toBe(row.visits);
      expect(cells.getCell(col('Đã phục vụ')).value).toBe(row.served);
      const percent = cells.getCell(col('Rất hài lòng (%)'));
      const expected = row.ratings.levels[0].percent;
      if (expected === null) expect(percent.value).toBeNull();
      else {
        expect(percent.value).toBeCloseTo(expected / 100, 12);
        expect(percent.numFmt).toBe('0.0%');
      }
    });
    const totalRow = fields.getRow(2 + report.byField.length);
    expect(totalRow.getCell(1).value).toBe('Tổng cộng');
    expect(totalRow.getCell(col('Số lượt tiếp công dân')).value).toBe(report.totals.visits);
  });

  it('writes CSV with a byte-order mark that parses back to the same rows', async () => {
    const text = await reports.csv(FROM, TO, 'staff');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r['Cán bộ'])).toEqual(report.byStaff.map((r) => r.name));
    parsed.data.forEach((r, i) => {
      const row = report.byStaff[i];
      expect(Number(r['Số lượt tiếp công dân'])).toBe(row.visits);
      expect(Number(r['Số lượt đánh giá'])).toBe(row.ratings.rated);
      const percent = row.ratings.levels[0].percent;
      expect(r['Rất hài lòng (%)']).toBe(percent === null ? '' : String(Math.round(percent * 100) / 100));
    });
  });

  it('writes the rating table as CSV with every level and the not-rated count', async () => {
    const parsed = Papa.parse<string[]>((await reports.csv(FROM, TO, 'rating')).slice(1), { skipEmptyLines: true });
    const rows = parsed.data;
    expect(rows[0]).toEqual(['Mức đánh giá', 'Số lượt', 'Tỉ lệ (%)']);
    expect(rows.find((r) => r[0] === 'Rất hài lòng')?.[1]).toBe(String(report.totals.ratings.levels[0].count));
    expect(rows.find((r) => r[0] === 'Không đánh giá')?.[1]).toBe(String(report.totals.ratings.notRated));
  });

  it('refuses a CSV table it does not know', async () => {
    await expect(reports.csv(FROM, TO, 'everything')).rejects.toBeInstanceOf(ReportRequestError);
  });
});
