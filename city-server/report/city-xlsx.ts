// The city's report as an Excel workbook: the city's totals, then a sheet per breakdown,
// with the same columns as a centre's workbook (server/reports/report-tables.ts).
import ExcelJS from 'exceljs';
import { addTable } from '../../server/reports/export-xlsx';
import { viDate } from '../../server/reports/calendar-days';
import { figureColumns, type Table } from '../../server/reports/report-tables';
import type { BreakdownRow } from '@protocol/reports';
import type { CityReport } from '@protocol/city';

function breakdown(report: CityReport, title: string, keyHeaders: string[], rows: { keys: string[]; row: BreakdownRow }[], totalRow: boolean): Table {
  const cols = figureColumns(report);
  const body = rows.map(({ keys, row }) => [...keys, ...cols.map((c) => c.value(row))]);
  if (totalRow) body.push(['Tổng cộng', ...keyHeaders.slice(1).map(() => ''), ...cols.map((c) => c.value(report.totals))]);
  return {
    name: 'summary',
    title,
    columns: [...keyHeaders.map((header) => ({ header, kind: 'text' as const })), ...cols.map(({ header, kind }) => ({ header, kind }))],
    rows: body,
  };
}

export async function cityReportXlsx(report: CityReport, cityName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = cityName;
  workbook.created = new Date(report.generatedAt);
  const title = `BÁO CÁO TỔNG HỢP TIẾP CÔNG DÂN TỪ NGÀY ${viDate(report.from)} ĐẾN NGÀY ${viDate(report.to)}`;
  const sheets: Table[] = [
    breakdown(report, 'Toàn thành phố', ['Chỉ tiêu'], [{ keys: ['Toàn thành phố'], row: { key: 'total', name: 'Toàn thành phố', ...report.totals } }], false),
    breakdown(report, 'Theo trung tâm', ['Trung tâm'], report.byCentre.map((row) => ({ keys: [row.name], row })), true),
    breakdown(report, 'Theo lĩnh vực', ['Lĩnh vực'], report.byField.map((row) => ({ keys: [row.name], row })), true),
    breakdown(report, 'Trung tâm - lĩnh vực', ['Trung tâm', 'Lĩnh vực'], report.byCentreField.map((row) => ({ keys: [row.centreName, row.name], row })), true),
  ];
  for (const table of sheets) {
    const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }] });
    sheet.getCell('A1').value = title;
    sheet.getCell('A1').font = { bold: true };
    addTable(sheet, table, 3);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
