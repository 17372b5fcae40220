// The printer's side of the wire, for stand-ins on any transport (TCP, a pseudo-terminal):
// collects tickets (each one ends at its cut) and answers DLE EOT like a real printer
// in the chosen state, or not at all.
import { STATUS_ANSWERS } from '../../server/devices/printer/printer-status';
import type { PrinterState } from '../../server/devices/printer';
import { parseCommandAt } from './escpos-stream';

export type EmulatedStatus = PrinterState | 'silent';

export class EmulatedPrinter {
  status: EmulatedStatus;
  readonly tickets: Buffer[] = [];
  statusRequests = 0;
  /** The roll ends with this many more tickets printed; null = endless paper. */
  paperLeftForTickets: number | null = null;
  private readonly waiters: { n: number; resolve: () => void }[] = [];

  constructor(status: EmulatedStatus = 'ok') {
    this.status = status;
  }

  /** One connection's parser: feed it what arrives, send back what it returns. */
  connection(): (chunk: Buffer) => Buffer {
    let pending = Buffer.alloc(0);
    let ticket: Buffer[] = [];
    return (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      const replies: number[] = [];
      let at = 0;
      for (;;) {
        if (at >= pending.length) break;
        const p = parseCommandAt(pending, at);
        if (!p) break;
        at = p.end;
        const c = p.command;
        if (c.op === 'DLE EOT') {
          this.statusRequests++;
          const answer = this.answer(c.n);
          if (answer !== null) replies.push(answer);
          continue;
        }
        ticket.push(pending.subarray(p.start, p.end));
        if (c.op === 'GS V') {
          this.tickets.push(Buffer.concat(ticket));
          ticket = [];
          if (this.paperLeftForTickets !== null && --this.paperLeftForTickets <= 0) this.status = 'paper-out';
          this.wakeWaiters();
        }
      }
      pending = Buffer.from(pending.subarray(at));
      return Buffer.from(replies);
    };
  }

  private answer(n: number): number | null {
    if (this.status === 'silent' || n < 1 || n > 4) return null;
    // An unreachable printer cannot answer; an "offline" stand-in is a silent one.
    if (this.status === 'offline') return null;
    return STATUS_ANSWERS[this.status][n as 1 | 2 | 3 | 4];
  }

  private wakeWaiters(): void {
    for (const w of [...this.waiters]) {
      if (this.tickets.length >= w.n) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  waitForTickets(n: number, timeoutMs: number): Promise<Buffer[]> {
    if (this.tickets.length >= n) return Promise.resolve(this.tickets.slice(0, n));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stand-in printer: ${this.tickets.length} of ${n} tickets after ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        n,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.tickets.slice(0, n));
        },
      });
    });
  }
}
