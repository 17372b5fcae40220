// The common shape of an uploaded table, whether it came from CSV or .xlsx, so that the
// column mapping and validation do not care about the file format.
import type { ImportError } from '@protocol/catalogue';

export interface SheetRow {
  /** Row number as Excel shows it: 1 is the first row of the file. */
  line: number;
  cells: string[];
  /** Hyperlink targets of .xlsx cells by column index; a portal export often shows "Xem" and links elsewhere. */
  links?: (string | undefined)[];
}

export type SheetReadResult = { ok: true; rows: SheetRow[] } | { ok: false; errors: ImportError[] };
