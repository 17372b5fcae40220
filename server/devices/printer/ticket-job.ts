// What the server asks a printer to do, and what a printer says back.
import type { PrinterState } from '@protocol/events';
import type { WaitRange } from '@protocol/wait-estimate';

export type { PrinterState };

export interface TicketPrintJob {
  centreName: string;
  subtitle: string;
  /** The number as called: "1005", "T012". */
  label: string;
  serviceName: string;
  /** Counters that serve the field, as shown to citizens ("Quầy 5 – Hộ tịch"). */
  counterNames: string[];
  waitingAhead: number;
  /** The expected wait, printed as a range; absent when the field cannot be estimated. */
  waitEstimate?: WaitRange;
  /** Epoch ms. */
  issuedAt: number;
  /** The centre's IANA zone; the ticket shows the centre's local time. */
  timeZone: string;
  /** The ticket's status page, printed as a QR code. */
  url: string;
  /** Set for a priority ticket: its category's name ("Người cao tuổi"), or '' when none was chosen. */
  priorityName?: string;
  /** 576 dots = 80 mm paper, 384 dots = 58 mm. */
  paperWidthDots: 576 | 384;
}

export interface TicketPrinter {
  readonly description: string;
  /** Resolves once the printer has the whole ticket; rejects with a PrinterError. */
  print(job: TicketPrintJob): Promise<void>;
  status(): Promise<PrinterState>;
  close(): Promise<void>;
}

/** A print or status request that failed, and the state that explains why. */
export class PrinterError extends Error {
  readonly printerState: Exclude<PrinterState, 'ok'>;

  constructor(printerState: Exclude<PrinterState, 'ok'>, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrinterError';
    this.printerState = printerState;
  }
}
