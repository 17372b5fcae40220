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
import { reportTable } from '@protocol/report-tables';
import { EXPORT_TABLES } from '@protocol/reports';
import type { Report } from '@protocol/reports';
import { simulatePeriod } from '../simulator/simulate';

const FROM = '2026-03-10';
const TO = '2026-03-20';

async function readBook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
  return workbook;
}

describe('report exports', () => {
  let dataDir: string;
  let reports: ReportService;
  let report: Report;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qms-report-exports-'));
    await simulatePeriod({ dataDir, from: FROM, to: TO, visits: 700, seed: 2 });
    reports = createReportService({
      dataDir,
      getConfig: () => sampleCentre,
      getStaff: () => sampleStaff.map((s) => ({ id: s.username, name: s.name })),
      getToday: () => ({ state: emptyState('2026-04-01'), events: [] }),
    });
    report = await reports.report(FROM, TO);
    const file = await reports.xlsx(FROM, TO);
    expect(file.subarray(0, 2).toString()).toBe('PK'); // a zip, as every .xlsx is
    book = await readBook(file);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes a sheet per table, each closed by its total row', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Theo lĩnh vực',
      'Kết quả phục vụ',
      'Theo quầy',
      'Theo cán bộ',
      'Cán bộ theo ngày',
      'Theo ngày',
      'Theo giờ',
      'Mức độ hài lòng',
      'Lý do chưa hài lòng',
      'Mã hồ sơ',
    ]);
    for (const name of EXPORT_TABLES.filter((n) => n !== 'summary')) {
      const table = reportTable(report, name);
      const sheet = book.getWorksheet(table.title)!;
      const last = sheet.getRow(2 + table.rows.length);
      expect(String(last.getCell(1).value), table.title).toMatch(/^Tổng/);
      expect(last.getCell(1).font?.bold, table.title).toBe(true);
    }
  });

  it('holds the same numbers as the report, with the official sentences on the summary sheet', () => {
    const summary = book.getWorksheet('Tổng hợp')!;
    const valueOf = (label: string) => {
      let found: ExcelJS.CellValue | undefined;
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(valueOf('Tổng số lượt tiếp công dân tại Trụ sở Trung tâm')).toBe(report.totals.visits.visits);
    expect(valueOf('Tổng số lượt đánh giá')).toBe(report.totals.services.ratings.rated);
    expect(valueOf('Tiếp nhận hồ sơ')).toBe(report.totals.services.outcomes[0].count);
    const texts: unknown[] = [];
    summary.eachRow((row) => texts.push(row.getCell(1).value));
    for (const sentence of report.sentences) expect(texts).toContain(sentence);

    const fields = book.getWorksheet('Theo lĩnh vực')!;
    const header = fields.getRow(1).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    report.byField.forEach((row, i) => {
      const cells = fields.getRow(2 + i);
      expect(cells.getCell(1).value).toBe(row.name);
      expect(cells.getCell(col('Lượt tiếp công dân')).value).toBe(row.visits.visits);
      expect(cells.getCell(col('Lượt phục vụ')).value).toBe(row.services.services);
      expect(cells.getCell(col('Tiếp nhận hồ sơ')).value).toBe(row.services.outcomes[0].count);
      const percent = cells.getCell(col('Rất hài lòng (%)'));
      const expected = row.services.ratings.levels[0].percent;
      if (expected === null) expect(percent.value).toBeNull();
      else {
        expect(percent.value).toBeCloseTo(expected / 100, 12);
        expect(percent.numFmt).toBe('0.0%');
      }
    });
    const totalRow = fields.getRow(2 + report.byField.length);
    expect(totalRow.getCell(col('Lượt tiếp công dân')).value).toBe(report.totals.visits.visits);
    expect(totalRow.getCell(col('Lượt tiếp công dân')).numFmt).toBe('#,##0');
  });

  it('writes days as real dates, not text', () => {
    const summary = book.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('B4').value).toEqual(new Date(`${FROM}T00:00:00Z`));
    expect(summary.getCell('B4').numFmt).toBe('dd/mm/yyyy');
    const days = book.getWorksheet('Theo ngày')!;
    report.byDay.forEach((row, i) => {
      const cell = days.getRow(2 + i).getCell(1);
      expect(cell.value).toEqual(new Date(`${row.key}T00:00:00Z`));
      expect(cell.numFmt).toBe('dd/mm/yyyy');
    });
    const codes = book.getWorksheet('Mã hồ sơ')!;
    expect(report.dossiers.length).toBeGreaterThan(0);
    expect(codes.getRow(2).getCell(2).value).toBeInstanceOf(Date);
  });

  it('writes CSV for a Vietnamese Excel: byte-order mark, ";" between columns, decimal commas, dd/mm/yyyy', async () => {
    const text = await reports.csv(FROM, TO, 'staff');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true, delimiter: ';' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r['Cán bộ'])).toEqual([...report.byStaff.map((r) => r.name), 'Tổng cộng']);
    report.byStaff.forEach((row, i) => {
      const r = parsed.data[i];
      expect(Number(r['Lượt phục vụ'])).toBe(row.services.services);
      expect(Number(r['Chuyển đi'])).toBe(row.services.transfers);
      const average = row.services.serviceTime.averageSeconds;
      expect(r['Phục vụ trung bình (phút)']).toBe(average === null ? '' : String(Math.round((average / 60) * 100) / 100).replace('.', ','));
    });
    const byDay = Papa.parse<string[]>((await reports.csv(FROM, TO, 'day')).slice(1), { skipEmptyLines: true, delimiter: ';' }).data;
    expect(byDay[1][0]).toBe(`${report.byDay[0].key.slice(8, 10)}/${report.byDay[0].key.slice(5, 7)}/${report.byDay[0].key.slice(0, 4)}`);
  });

  it('writes the rating table as CSV with every level, the not-rated count and the total', async () => {
    const rows = Papa.parse<string[]>((await reports.csv(FROM, TO, 'rating')).slice(1), { skipEmptyLines: true, delimiter: ';' }).data;
    const r = report.totals.services.ratings;
    expect(rows[0]).toEqual(['Mức đánh giá', 'Số lượt', 'Tỉ lệ (%)']);
    expect(rows.find((x) => x[0] === 'Rất hài lòng')?.[1]).toBe(String(r.levels[0].count));
    expect(rows.find((x) => x[0] === 'Không đánh giá')?.[1]).toBe(String(r.notRated));
    expect(rows.at(-1)).toEqual(['Tổng số lượt đánh giá', String(r.rated), '100']);
  });

  it('refuses a CSV table it does not know', async () => {
    await expect(reports.csv(FROM, TO, 'everything')).rejects.toBeInstanceOf(ReportRequestError);
  });
});

describe('the official report as .docx', () => {
  it('is a Word file with the heading, the period, the sentences and the signature', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-report-docx-'));
    try {
      await simulatePeriod({ dataDir, from: '2026-03-16', to: '2026-03-18', visits: 120, seed: 4 });
      const reports = createReportService({
        dataDir,
        getConfig: () => sampleCentre,
        getStaff: () => sampleStaff.map((s) => ({ id: s.username, name: s.name })),
        getToday: () => ({ state: emptyState('2026-06-15'), events: [] }),
      });
      const file = await reports.docx('2026-03-15', '2026-06-14');
      const report = await reports.report('2026-03-15', '2026-06-14');
      const xml = await documentXml(file);
      for (const text of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG MẪU',
        'UBND PHƯỜNG MẪU',
        'Số: …/BC-TTPVHCC',
        '(từ ngày 15/3/2026 đến ngày 14/6/2026)',
        'GIÁM ĐỐC',
        'Nguyễn Văn An',
        'Nơi nhận:',
        report.sentences[1],
      ])
        expect(xml, text).toContain(text);
      expect(xml).toMatch(/Phường Mẫu, ngày \d\d tháng \d\d? năm \d{4}/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

/** word/document.xml out of the .docx (a zip), through exceljs's own unzip library. */
async function documentXml(file: Buffer): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(file);
  return zip.file('word/document.xml')!.async('string');
}
