// Which column of an uploaded table holds what. Headers are matched after folding (no case,
// no diacritics, no punctuation), so "Phí, lệ phí", "PHI LE PHI" and "Phí/lệ phí (*)" all work.
// The accepted headers are listed in README.md next to this file; keep both in step.
import type { ImportError } from '@protocol/catalogue';
import { foldVietnamese } from './fold-vietnamese';
import type { SheetRow } from './sheet';

const columnKeys = ['code', 'name', 'serviceId', 'level', 'processingTime', 'fees', 'papers', 'portalUrl'] as const;
export type ColumnKey = (typeof columnKeys)[number];

/** What the manager calls each column; used in messages. */
export const columnTitles: Record<ColumnKey, string> = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  serviceId: 'Lĩnh vực',
  level: 'Cấp độ',
  processingTime: 'Thời hạn giải quyết',
  fees: 'Phí, lệ phí',
  papers: 'Thành phần hồ sơ',
  portalUrl: 'Đường dẫn',
};

const requiredColumns: ColumnKey[] = ['code', 'name', 'serviceId', 'level'];

/** Folded header texts for each column: Vietnamese as centres and the portal write them, then the English keys. */
const columnAliases: Record<ColumnKey, string[]> = {
  code: ['ma thu tuc', 'ma tthc', 'ma so thu tuc', 'ma', 'code'],
  name: ['ten thu tuc', 'ten tthc', 'ten thu tuc hanh chinh', 'ten', 'name'],
  serviceId: ['linh vuc', 'ten linh vuc', 'ma linh vuc', 'serviceid', 'service id', 'service', 'field'],
  level: ['cap do', 'muc do', 'muc do dvc', 'muc do dich vu cong', 'muc do dich vu cong truc tuyen', 'dich vu cong truc tuyen', 'level'],
  processingTime: ['thoi han giai quyet', 'thoi gian giai quyet', 'thoi han', 'processingtime', 'processing time'],
  fees: ['phi le phi', 'phi va le phi', 'le phi', 'phi', 'fees', 'fee'],
  papers: ['thanh phan ho so', 'ho so', 'giay to', 'papers', 'documents'],
  portalUrl: ['duong dan', 'duong dan dich vu cong', 'lien ket', 'link', 'url', 'portalurl', 'portal url'],
};

const keyByAlias = new Map(columnKeys.flatMap((key) => columnAliases[key].map((alias) => [alias, key] as const)));

/** Column index of each recognised header, and the header text as the file writes it. */
export type ColumnMap = Partial<Record<ColumnKey, { index: number; header: string }>>;

/** Portal exports put a title or two above the header row, so the header is searched for. */
const headerSearchRows = 10;

export function findHeader(rows: SheetRow[]): { ok: true; headerLine: number; columns: ColumnMap } | { ok: false; errors: ImportError[] } {
  for (const row of rows.slice(0, headerSearchRows)) {
    const keys = row.cells.map((cell) => keyByAlias.get(foldVietnamese(cell)));
    if (!keys.includes('code') || !keys.includes('name')) continue;
    const columns: ColumnMap = {};
    const errors: ImportError[] = [];
    keys.forEach((key, index) => {
      if (!key) return;
      const header = row.cells[index].trim();
      const earlier = columns[key];
      if (earlier) errors.push({ line: row.line, column: header, message: `Cột "${header}" trùng nội dung với cột "${earlier.header}" (${columnTitles[key]})` });
      else columns[key] = { index, header };
    });
    for (const key of requiredColumns) {
      if (!columns[key]) errors.push({ line: row.line, message: `Thiếu cột "${columnTitles[key]}"` });
    }
    return errors.length ? { ok: false, errors } : { ok: true, headerLine: row.line, columns };
  }
  return {
    ok: false,
    errors: [{ line: 1, message: 'Không tìm thấy dòng tiêu đề: cần ít nhất các cột "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp độ"' }],
  };
}
