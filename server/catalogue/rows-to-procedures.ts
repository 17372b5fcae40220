// Rows of an uploaded table → validated procedures, or every problem found, each naming its
// line and column. All rows are checked before anything is accepted: a catalogue that is half
// imported would send citizens to the wrong desk with the wrong papers.
import type { ServiceConfig } from '@protocol/config';
import { procedureSchema, type ImportError, type Procedure, type ProcedureLevel } from '@protocol/catalogue';
import { columnTitles, type ColumnKey, type ColumnMap } from './columns';
import { foldVietnamese } from './fold-vietnamese';
import type { SheetRow } from './sheet';

/** Enough for the manager to see the pattern; a wrong file could otherwise yield thousands. */
export const maxReportedErrors = 200;

/** A field cell may hold the field's name in any case and with or without marks, or its id. */
export function resolveServiceId(cell: string, services: ServiceConfig[]): string | undefined {
  const folded = foldVietnamese(cell);
  if (!folded) return undefined;
  return services.find((s) => s.id === cell.trim() || foldVietnamese(s.name) === folded || foldVietnamese(s.id) === folded)?.id;
}

/** The portal's wording, older "mức độ 2/3/4" levels, or ours; anything else is left for the schema to refuse. */
export function parseLevel(cell: string): ProcedureLevel | string {
  const folded = foldVietnamese(cell);
  if (/\btoan trinh\b|^(muc do )?4$/.test(folded)) return 'Toàn trình';
  if (/\bmot phan\b|^(muc do )?3$/.test(folded)) return 'Một phần';
  if (/\bcung cap thong tin\b|^(muc do )?[12]$/.test(folded)) return 'Cung cấp thông tin';
  return cell;
}

/** Papers come one per line or separated by ";", often with "-" or "1." bullets from Word. */
export function splitPapers(cell: string): string[] {
  return cell
    .split(/;|\r\n|\r|\n/)
    .map((p) => p.replace(/^\s*(?:[-+•*–]|\d{1,2}[.)])\s*/, '').trim())
    .filter(Boolean);
}

/** Excel turns a typed "1.001190" into the number 1.00119; national codes always have six decimals. */
function restoreCode(cell: string): string {
  return /^\d\.\d{1,5}$/.test(cell) ? cell.padEnd(8, '0') : cell;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function rowsToProcedures(
  rows: SheetRow[],
  columns: ColumnMap,
  services: ServiceConfig[],
): { ok: true; procedures: Procedure[] } | { ok: false; errors: ImportError[] } {
  const procedures: Procedure[] = [];
  const errors: ImportError[] = [];
  const lineByCode = new Map<string, number>();
  const columnName = (key: ColumnKey) => columns[key]?.header ?? columnTitles[key];

  for (const row of rows) {
    const cell = (key: ColumnKey) => {
      const column = columns[key];
      return column ? (row.cells[column.index] ?? '').normalize('NFC').trim() : '';
    };
    if (row.cells.every((c) => !c.trim())) continue;

    const fieldCell = oneLine(cell('serviceId'));
    const serviceId = resolveServiceId(fieldCell, services);
    if (!serviceId) {
      const known = services.map((s) => s.name).join(', ');
      errors.push({
        line: row.line,
        column: columnName('serviceId'),
        message: fieldCell ? `Không có lĩnh vực "${fieldCell}" trong cấu hình của Trung tâm (các lĩnh vực: ${known})` : 'Thiếu lĩnh vực',
      });
    }
    const urlColumn = columns.portalUrl;
    const portalUrl = (urlColumn && row.links?.[urlColumn.index]) || cell('portalUrl');
    const candidate = {
      code: restoreCode(oneLine(cell('code'))),
      name: oneLine(cell('name')),
      serviceId: serviceId ?? '',
      level: parseLevel(oneLine(cell('level'))),
      processingTime: cell('processingTime'),
      fees: cell('fees'),
      papers: splitPapers(cell('papers')),
      portalUrl: portalUrl || undefined,
    };
    const parsed = procedureSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as ColumnKey;
        // An unknown field (left empty, so the schema refuses it too) is reported above in the manager's words.
        if (key !== 'serviceId') errors.push({ line: row.line, column: columnName(key), message: issue.message });
      }
      continue;
    }
    const earlierLine = lineByCode.get(parsed.data.code);
    if (earlierLine !== undefined) {
      errors.push({ line: row.line, column: columnName('code'), message: `Mã thủ tục ${parsed.data.code} trùng với dòng ${earlierLine}` });
      continue;
    }
    lineByCode.set(parsed.data.code, row.line);
    procedures.push(parsed.data);
  }

  if (errors.length > maxReportedErrors) {
    const hidden = errors.length - maxReportedErrors;
    return { ok: false, errors: [...errors.slice(0, maxReportedErrors), { line: 0, message: `Còn ${hidden} lỗi khác chưa hiển thị` }] };
  }
  if (errors.length) return { ok: false, errors };
  if (!procedures.length) return { ok: false, errors: [{ line: 0, message: 'Tệp không có thủ tục nào dưới dòng tiêu đề' }] };
  return { ok: true, procedures };
}
