// One report table as CSV. Excel reads a CSV without a byte-order mark in the system's
// legacy code page and garbles Vietnamese, so the text starts with U+FEFF. Names come from
// managers and staff: a cell that would start a formula (= + - @ tab CR) gets a leading
// apostrophe (Papa Parse's escapeFormulae), so a spreadsheet shows it as text.
import Papa from 'papaparse';
import type { ExportTable } from '@protocol/reports';
import { reportTable } from './report-tables';
import type { Report } from '@protocol/reports';

const BOM = '\ufeff';

const round2 = (x: number) => Math.round(x * 100) / 100;

export function reportCsv(report: Report, name: ExportTable): string {
  const table = reportTable(report, name);
  const rows = table.rows.map((values) =>
    values.map((value, i) => {
      if (value === null) return '';
      const kind = table.columns[i].kind;
      return typeof value === 'number' && (kind === 'minutes' || kind === 'percent') ? round2(value) : value;
    }),
  );
  return BOM + Papa.unparse({ fields: table.columns.map((c) => c.header), data: rows }, { escapeFormulae: true });
}
