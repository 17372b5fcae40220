// CSV and tab-separated text → rows. Vietnamese Excel saves CSV with ";" (the comma is the
// decimal separator there) and "Unicode text" with tabs, so the delimiter is guessed.
import Papa from 'papaparse';
import { decodeText } from './decode-text';
import type { SheetReadResult } from './sheet';

export function readCsv(buf: Buffer): SheetReadResult {
  const { text } = decodeText(buf);
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'] });
  // A one-column file has no delimiter to detect; papaparse then reads it as "," which is right.
  const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length) {
    return {
      ok: false,
      errors: quoteErrors.map((e) => ({
        line: (e.row ?? 0) + 1,
        message: 'Dấu ngoặc kép (") chưa được đóng hoặc đặt sai chỗ; phần còn lại của tệp không đọc được',
      })),
    };
  }
  return { ok: true, rows: parsed.data.map((cells, i) => ({ line: i + 1, cells })) };
}
