// The report as an Excel workbook: a summary sheet with the official sentences, then a
// sheet per table, each closed by its total row. Numbers stay numbers and dates are real
// dates (managers add their own formulas and filters); Excel shows the separators of the
// computer's regional settings, which on a Vietnamese Windows are "1.463" and "93,5%".
import ExcelJS from 'exceljs';
import { viDateShort } from '@protocol/vi-format';
import { reportTable, type Cell, type CellKind, type Table } from '@protocol/report-tables';
import { EXPORT_TABLES } from '@protocol/reports';
import type { Report } from '@protocol/reports';

const NUMBER_FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  count: '#,##0',
  minutes: '#,##0.0',
  percent: '0.0%',
  day: 'dd/mm/yyyy',
};

/** A local day as an Excel date: midnight UTC, so no time zone moves it to another day. */
function dayCell(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function cellValue(value: Cell, kind: CellKind): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === 'percent' && typeof value === 'number') return value / 100;
  if (kind === 'day' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayCell(value);
  return value;
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9CA3AF' } };

/** Writes a table from firstRow (its header) down to its bold total row; answers the total row's number. */
export function addTable(sheet: ExcelJS.Worksheet, table: Table, firstRow: number): number {
  const header = sheet.getRow(firstRow);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
    cell.border = { top: thin, bottom: thin, left: thin, right: thin };
  });
  const write = (values: Cell[], rowNumber: number, total: boolean) => {
    const row = sheet.getRow(rowNumber);
    values.forEach((value, i) => {
      const kind = table.columns[i].kind;
      const cell = row.getCell(i + 1);
      cell.value = cellValue(value, kind);
      const format = NUMBER_FORMATS[kind];
      if (format) cell.numFmt = format;
      cell.border = { top: total ? { style: 'medium' } : thin, bottom: thin, left: thin, right: thin };
      if (total) cell.font = { bold: true };
    });
  };
  table.rows.forEach((values, r) => write(values, firstRow + 1 + r, false));
  const totalAt = firstRow + 1 + table.rows.length;
  write(table.totalRow, totalAt, true);
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    const wanted = i === 0 ? 34 : c.kind === 'day' ? 12 : Math.max(11, Math.min(22, Math.ceil(c.header.length / 2) + 4));
    column.width = Math.max(column.width ?? 0, wanted);
  });
  return totalAt;
}

export async function reportXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.centreName;
  workbook.created = new Date(report.generatedAt);

  const summary = workbook.addWorksheet('Tổng hợp', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  summary.getCell('A1').value = report.centreName;
  summary.getCell('A1').font = { bold: true };
  summary.getCell('A2').value = 'BÁO CÁO KẾT QUẢ TIẾP CÔNG DÂN VÀ MỨC ĐỘ HÀI LÒNG';
  summary.getCell('A2').font = { bold: true, size: 13 };
  summary.getCell('A3').value = `(từ ngày ${viDateShort(report.from)} đến ngày ${viDateShort(report.to)})`;
  summary.getCell('A4').value = 'Từ ngày';
  summary.getCell('B4').value = dayCell(report.from);
  summary.getCell('B4').numFmt = NUMBER_FORMATS.day!;
  summary.getCell('A5').value = 'Đến ngày';
  summary.getCell('B5').value = dayCell(report.to);
  summary.getCell('B5').numFmt = NUMBER_FORMATS.day!;
  const summaryTable = reportTable(report, 'summary');
  // The value column holds counts and times: each row keeps its own number format.
  const totalAt = addTable(summary, { ...summaryTable, columns: summaryTable.columns.map((c, i) => (i === 1 ? { ...c, kind: 'minutes' } : c)) }, 7);
  for (let r = 8; r <= totalAt; r++) {
    const unit = summary.getCell(`C${r}`).value;
    summary.getCell(`B${r}`).numFmt = unit === 'phút' || unit === '%' ? '#,##0.0' : '#,##0';
  }
  const sentencesAt = totalAt + 2;
  summary.getCell(`A${sentencesAt}`).value = 'Nội dung báo cáo (sao chép vào văn bản):';
  summary.getCell(`A${sentencesAt}`).font = { bold: true };
  report.sentences.forEach((line, i) => (summary.getCell(`A${sentencesAt + 1 + i}`).value = line));
  summary.getColumn(1).width = 60;
  summary.getColumn(2).width = 14;

  for (const name of EXPORT_TABLES) {
    if (name === 'summary') continue;
    const table = reportTable(report, name);
    const sheet = workbook.addWorksheet(table.title, {
      views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    addTable(sheet, table, 1);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
