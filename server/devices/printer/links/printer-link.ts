// One open connection to a printer: bytes out, status bytes back.
import type { ByteInbox } from './byte-inbox';

export interface PrinterLink {
  readonly inbox: ByteInbox;
  /** Resolves when the bytes have left this computer (socket flushed, serial drained). */
  write(data: Buffer, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** How to reach one printer. A link is opened per job: the printer may have been
 *  switched off, unplugged or taken by another client since the last ticket. */
export interface PrinterConnector {
  readonly description: string;
  open(timeoutMs: number): Promise<PrinterLink>;
  /** Time the wire itself needs for `bytes` (serial lines are slow), added to timeouts. */
  transferMs(bytes: number): number;
}
