// An uploaded catalogue file → procedures or line-by-line errors. The format is taken from
// the bytes, not the name: files arrive renamed, or with no extension from some browsers.
import type { ImportError, Procedure } from '@protocol/catalogue';
import type { ServiceConfig } from '@protocol/config';
import { findHeader } from './columns';
import { readCsv } from './read-csv';
import { rowsToProcedures } from './rows-to-procedures';
import type { SheetReadResult } from './sheet';

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
/** Excel 97–2003 (.xls) files are OLE compound documents. */
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

async function readSheet(buf: Buffer): Promise<SheetReadResult> {
  // exceljs costs the process ~30 MB: loaded only when a manager imports a workbook.
  if (startsWith(buf, zipSignature)) return (await import('./read-xlsx')).readXlsx(buf);
  if (startsWith(buf, oleSignature)) {
    return { ok: false, errors: [{ line: 0, message: 'Tệp Excel 97–2003 (.xls) chưa được hỗ trợ. Hãy mở tệp và lưu lại dưới dạng "Excel Workbook (.xlsx)".' }] };
  }
  return readCsv(buf);
}

export async function parseCatalogueFile(
  buf: Buffer,
  services: ServiceConfig[],
): Promise<{ ok: true; procedures: Procedure[] } | { ok: false; errors: ImportError[] }> {
  if (!buf.length) return { ok: false, errors: [{ line: 0, message: 'Tệp rỗng' }] };
  const sheet = await readSheet(buf);
  if (!sheet.ok) return sheet;
  const header = findHeader(sheet.rows);
  if (!header.ok) return header;
  const body = sheet.rows.filter((row) => row.line > header.headerLine);
  return rowsToProcedures(body, header.columns, services);
}
