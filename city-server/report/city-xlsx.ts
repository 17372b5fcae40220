// The city's report as an Excel workbook: the city's totals, then a sheet per breakdown,
// with the same columns as a centre's workbook (server/reports/report-tables.ts).
import ExcelJS from 'exceljs';
import { addTable } from '../../server/reports/export-xlsx';
import { viDate } from '../../server/reports/calendar-days';
import { ratingColumns, visitColumns, type Getter, type Table } from '@protocol/report-tables';
import type { CityFigures, CityReport } from '@protocol/city';

const minutes = (seconds: number | null) => (seconds === null ? null : seconds / 60);

/** A centre's workbook columns for the figures the city adds up. */
function cityColumns(report: CityReport): Getter<CityFigures>[] {
  return [
    ...visitColumns().map((c) => ({ ...c, value: (f: CityFigures) => c.value(f.visits) })),
    { header: 'Phục vụ trung bình (phút)', kind: 'minutes', value: (f) => minutes(f.serviceTime.averageSeconds) },
    { header: 'Phục vụ trung vị (phút)', kind: 'minutes', value: (f) => minutes(f.serviceTime.medianSeconds) },
    ...ratingColumns(report.totals.ratings.levels).map((c) => ({ ...c, value: (f: CityFigures) => c.value(f.ratings) })),
  ];
}

function breakdown(report: CityReport, title: string, keyHeaders: string[], rows: { keys: string[]; row: CityFigures }[]): Table {
  const cols = cityColumns(report);
  return {
    name: 'summary',
    title,
    columns: [...keyHeaders.map((header) => ({ header, kind: 'text' as const })), ...cols.map(({ header, kind }) => ({ header, kind }))],
    rows: rows.map(({ keys, row }) => [...keys, ...cols.map((c) => c.value(row))]),
    totalRow: ['Tổng cộng', ...keyHeaders.slice(1).map(() => ''), ...cols.map((c) => c.value(report.totals))],
  };
}

export async function cityReportXlsx(report: CityReport, cityName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = cityName;
  workbook.created = new Date(report.generatedAt);
  const title = `BÁO CÁO TỔNG HỢP TIẾP CÔNG DÂN TỪ NGÀY ${viDate(report.from)} ĐẾN NGÀY ${viDate(report.to)}`;
  const sheets: Table[] = [
    breakdown(report, 'Theo trung tâm', ['Trung tâm'], report.byCentre.map((row) => ({ keys: [row.name], row }))),
    breakdown(report, 'Theo lĩnh vực', ['Lĩnh vực'], report.byField.map((row) => ({ keys: [row.name], row }))),
    breakdown(report, 'Trung tâm - lĩnh vực', ['Trung tâm', 'Lĩnh vực'], report.byCentreField.map((row) => ({ keys: [row.centreName, row.name], row }))),
  ];
  for (const table of sheets) {
    const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }] });
    sheet.getCell('A1').value = title;
    sheet.getCell('A1').font = { bold: true };
    addTable(sheet, table, 3);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
