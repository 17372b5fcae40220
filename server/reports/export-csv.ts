// One report table as CSV, the way Excel on a Vietnamese Windows reads it by a double click:
// its list separator there is ";" because the decimal mark is "," (the regional settings of
// vi-VN), so columns are split by ";", decimals written "12,5", dates "15/03/2026", and no
// thousands separator (Excel would read "1.463" as a decimal elsewhere). Excel reads a CSV
// without a byte-order mark in the legacy code page and garbles Vietnamese, so the text
// starts with U+FEFF. Names come from managers and staff: a text cell that would start a
// formula (= + - @ tab CR) gets a leading apostrophe (Papa Parse's escapeFormulae), so a
// spreadsheet shows it as text; numbers are written as numbers and never escaped.
import Papa from 'papaparse';
import { viDate } from './calendar-days';
import { reportTable, type Cell, type CellKind } from '@protocol/report-tables';
import type { ExportTable } from '@protocol/reports';
import type { Report } from '@protocol/reports';

const BOM = '\ufeff';
export const CSV_SEPARATOR = ';';

const decimal = (x: number) => String(Math.round(x * 100) / 100).replace('.', ',');

function csvCell(value: Cell, kind: CellKind): string | number {
  if (value === null) return '';
  if (kind === 'day' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return viDate(value);
  if (typeof value === 'number') return Number.isInteger(value) ? value : decimal(value);
  return value;
}

export function reportCsv(report: Report, name: ExportTable): string {
  const table = reportTable(report, name);
  const rows = [...table.rows, table.totalRow].map((values) => values.map((value, i) => csvCell(value, table.columns[i].kind)));
  return BOM + Papa.unparse({ fields: table.columns.map((c) => c.header), data: rows }, { delimiter: CSV_SEPARATOR, newline: '\r\n', escapeFormulae: true });
}
