// .xlsx → rows, from the first worksheet. Cells keep the text the manager sees; a hyperlink
// cell also yields its target so the link column works when the cell shows only "Xem".
import ExcelJS from 'exceljs';
import type { SheetReadResult, SheetRow } from './sheet';

type CellValue = ExcelJS.CellValue;

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('result' in value) return cellText(value.result as CellValue);
  // An error value (#N/A, #REF!) carries no text of the procedure.
  return '';
}

function cellLink(value: CellValue): string | undefined {
  return value && typeof value === 'object' && 'hyperlink' in value ? value.hyperlink : undefined;
}

export async function readXlsx(buf: Buffer): Promise<SheetReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    return {
      ok: false,
      errors: [{ line: 0, message: 'Không đọc được tệp Excel. Hãy mở tệp và lưu lại dưới dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8".' }],
    };
  }
  const sheet = workbook.getWorksheet();
  if (!sheet) return { ok: false, errors: [{ line: 0, message: 'Tệp Excel không có trang tính nào.' }] };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based: index 0 is always empty.
    const values = (row.values as CellValue[]).slice(1);
    rows.push({ line: rowNumber, cells: Array.from(values, cellText), links: Array.from(values, cellLink) });
  });
  return { ok: true, rows };
}
