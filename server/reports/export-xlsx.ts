// The report as an Excel workbook: a summary sheet with the official sentences, then a
// sheet per table. Numbers stay numbers (managers add their own formulas); percentages
// are fractions shown with Excel's percent format.
import ExcelJS from 'exceljs';
import { EXPORT_TABLES } from '@protocol/reports';
import { reportTable, type CellKind, type Table } from './report-tables';
import type { Report } from '@protocol/reports';

const NUMBER_FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  count: '#,##0',
  minutes: '0.0',
  percent: '0.0%',
};

export function addTable(sheet: ExcelJS.Worksheet, table: Table, firstRow: number): void {
  const header = sheet.getRow(firstRow);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  table.rows.forEach((values, r) => {
    const row = sheet.getRow(firstRow + 1 + r);
    values.forEach((value, i) => {
      const kind = table.columns[i].kind;
      const cell = row.getCell(i + 1);
      cell.value = kind === 'percent' && typeof value === 'number' ? value / 100 : value;
      const format = NUMBER_FORMATS[kind];
      if (format) cell.numFmt = format;
    });
  });
  table.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = i === 0 ? 36 : Math.max(12, Math.min(24, c.header.length + 2));
  });
}

export async function reportXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.centreName;
  workbook.created = new Date(report.generatedAt);

  const summary = workbook.addWorksheet('Tổng hợp');
  summary.getCell('A1').value = report.centreName;
  summary.getCell('A1').font = { bold: true };
  summary.getCell('A2').value = 'BÁO CÁO TÌNH HÌNH TIẾP CÔNG DÂN VÀ MỨC ĐỘ HÀI LÒNG';
  summary.getCell('A2').font = { bold: true, size: 13 };
  const summaryTable = reportTable(report, 'summary');
  addTable(summary, summaryTable, 4);
  const sentencesAt = 4 + summaryTable.rows.length + 2;
  summary.getCell(`A${sentencesAt}`).value = 'Nội dung báo cáo (sao chép vào văn bản):';
  summary.getCell(`A${sentencesAt}`).font = { bold: true };
  report.sentences.forEach((line, i) => (summary.getCell(`A${sentencesAt + 1 + i}`).value = line));
  summary.getColumn(1).width = 60;

  for (const name of EXPORT_TABLES) {
    if (name === 'summary') continue;
    const table = reportTable(report, name);
    const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    addTable(sheet, table, 1);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
