// The ticket printer as the server sees it: build a printer from a spec string, print
// tickets, ask its state. See README.md for connections and the byte layout.
import { createEscPosPrinter } from './escpos-printer';
import { createFilePrinter } from './file-printer';
import { serialConnector } from './links/serial-link';
import { tcpConnector } from './links/tcp-link';
import { usblpConnector } from './links/usblp-link';
import { parsePrinterSpec } from './printer-spec';
import type { PrinterState, TicketPrinter } from './ticket-job';

export { PrinterError, type PrinterState, type TicketPrinter, type TicketPrintJob } from './ticket-job';
export type { TicketLayoutOptions } from './ticket-layout';
export { DEFAULT_PRINTER_SPEC, parsePrinterSpec } from './printer-spec';

export const DEFAULT_PRINTER_TIMEOUT_MS = 3000;

export function createPrinter(spec: string, opts: { dataDir: string; onState?: (s: PrinterState) => void; timeoutMs?: number }): TicketPrinter {
  const parsed = parsePrinterSpec(spec, opts.dataDir);
  const common = {
    onState: opts.onState,
    timeoutMs: opts.timeoutMs ?? DEFAULT_PRINTER_TIMEOUT_MS,
    queryStatus: parsed.compat.queryStatus,
    layout: parsed.compat.layout,
  };
  switch (parsed.kind) {
    case 'file':
      return createFilePrinter(parsed.dir, { onState: opts.onState, layout: parsed.compat.layout });
    case 'tcp':
      return createEscPosPrinter(tcpConnector(parsed.host, parsed.port), common);
    case 'serial':
      return createEscPosPrinter(serialConnector(parsed.path, parsed.baudRate), common);
    case 'usb':
      return createEscPosPrinter(usblpConnector(parsed.path), common);
  }
}
