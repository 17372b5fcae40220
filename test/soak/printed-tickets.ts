// Which tickets reached the printer: each printed ticket carries its page's address in the
// printer-drawn QR code (GS ( k, store data), and the address ends in the ticket's id.
import { parseAll } from '../printer/escpos-stream';
import type { CommandRecord } from './ledger';
import { check, type Check } from './check';

const QR_STORE = 0x50;

export function printedTicketIds(tickets: readonly Buffer[]): string[] {
  const ids: string[] = [];
  for (const bytes of tickets) {
    for (const { command: c } of parseAll(bytes)) {
      if (c.op !== 'GS ( k' || c.fn !== QR_STORE) continue;
      // The data follows one byte (m = 0x30) in the store command's parameters.
      const url = new URL(c.params.subarray(1).toString('utf8'));
      const id = url.searchParams.get('id');
      if (id) ids.push(id);
    }
  }
  return ids;
}

/** Every ticket the kiosk was told was printed came out of the printer; a reprint after a lost answer is allowed. */
export function checkPrinted(records: readonly CommandRecord[], printed: readonly string[]): Check {
  const onPaper = new Set(printed);
  const failures: string[] = [];
  let toldPrinted = 0;
  let toldNotPrinted = 0;
  for (const r of records) {
    if (r.command.type !== 'issue' || r.outcome.kind !== 'ok') continue;
    if (!r.command.printed) {
      toldNotPrinted++;
      continue;
    }
    toldPrinted++;
    if (!onPaper.has(r.command.ticketId!)) failures.push(`ticket ${r.command.label} was reported printed but never reached the printer`);
  }
  return check(
    'every ticket reported printed reached the printer',
    failures,
    `${toldPrinted} printed, ${toldNotPrinted} shown on screen only (printer out of paper or silent), ${printed.length - new Set(printed).size} reprints`,
  );
}
