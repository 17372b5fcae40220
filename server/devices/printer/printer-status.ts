// Reading the one-byte answers to DLE EOT n (real-time status). Every answer has bit 1
// and bit 4 set and bits 0 and 7 clear, which tells a status byte from stray data.
import type { PrinterState } from './ticket-job';

export function isStatusByte(b: number): boolean {
  return (b & 0b1001_0011) === 0b0001_0010;
}

/** DLE EOT 1, printer status: bit 3 = off-line. */
const PRINTER_OFFLINE = 0x08;
/** DLE EOT 2, off-line cause: bit 2 cover open, bit 5 stopped at paper end, bit 6 error. */
const CAUSE_COVER_OPEN = 0x04;
const CAUSE_PAPER_END = 0x20;
const CAUSE_ERROR = 0x40;

export function isOffline(printerStatus: number): boolean {
  return (printerStatus & PRINTER_OFFLINE) !== 0;
}

/** The state an off-line printer is in, from its DLE EOT 2 answer. Off-line without a
 *  cause is the feed button held down, which passes by itself. */
export function offlineCauseState(offlineCause: number): PrinterState {
  if (offlineCause & CAUSE_PAPER_END) return 'paper-out';
  if (offlineCause & (CAUSE_COVER_OPEN | CAUSE_ERROR)) return 'error';
  return 'ok';
}

/** Answers a printer in each state gives, for stand-ins that play a printer. */
export const STATUS_ANSWERS: Record<'ok' | 'paper-out' | 'error', Record<1 | 2 | 3 | 4, number>> = {
  ok: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 },
  // Off-line, stopped at paper end, paper-end sensors (bits 5–6) and near-end (bits 2–3) on.
  'paper-out': { 1: 0x12 | PRINTER_OFFLINE, 2: 0x12 | CAUSE_PAPER_END, 3: 0x12, 4: 0x12 | 0x0c | 0x60 },
  // Off-line with the cover open.
  error: { 1: 0x12 | PRINTER_OFFLINE, 2: 0x12 | CAUSE_COVER_OPEN, 3: 0x12, 4: 0x12 },
};
