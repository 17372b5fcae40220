// A real ESC/POS printer behind any link: checks the printer can print, sends the ticket,
// checks again, one job at a time. A dead connection times out and is tried once more
// before the printer is called offline; every change of state goes to `onState`.
import { realtimeStatusRequest } from './escpos-commands';
import { StatusUnreadableError, withTimeout } from './links/byte-inbox';
import type { PrinterConnector, PrinterLink } from './links/printer-link';
import { isOffline, isStatusByte, offlineCauseState } from './printer-status';
import type { TicketLayoutOptions } from './ticket-layout';
import { PrinterError, type PrinterState, type TicketPrinter, type TicketPrintJob } from './ticket-job';

export interface EscPosPrinterOptions {
  onState?: (s: PrinterState) => void;
  timeoutMs: number;
  /** false for printers that never answer DLE EOT: they are assumed ready. */
  queryStatus: boolean;
  layout: TicketLayoutOptions;
}

const ATTEMPTS = 2;
const CLOSE_TIMEOUT_MS = 2000;

export function createEscPosPrinter(connector: PrinterConnector, opts: EscPosPrinterOptions): TicketPrinter {
  let lastState: PrinterState | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const report = (s: PrinterState) => {
    if (s === lastState) return;
    lastState = s;
    opts.onState?.(s);
  };

  /** Jobs run one after another: a serial port opens once at a time, and many network
   *  printers take one connection at a time. */
  const serially = <T>(op: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new PrinterError('offline', `${connector.description}: closed`));
    const run = queue.then(op, op);
    queue = run.catch(() => undefined);
    return run;
  };

  async function ask(link: PrinterLink, n: 1 | 2): Promise<number> {
    link.inbox.discard();
    await link.write(realtimeStatusRequest(n), opts.timeoutMs);
    for (;;) {
      const b = await link.inbox.next(opts.timeoutMs, `DLE EOT ${n}`);
      if (isStatusByte(b)) return b;
    }
  }

  async function readState(link: PrinterLink): Promise<PrinterState> {
    if (!opts.queryStatus) return 'ok';
    try {
      const status = await ask(link, 1);
      return isOffline(status) ? offlineCauseState(await ask(link, 2)) : 'ok';
    } catch (err) {
      // A one-way printer cannot tell; that the bytes went out is all we can know.
      if (err instanceof StatusUnreadableError) return 'ok';
      throw err;
    }
  }

  /** Runs `step` on a fresh link; a connection that fails or goes silent gets one more try. */
  async function withLink<T>(step: (link: PrinterLink) => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      let link: PrinterLink | undefined;
      try {
        link = await connector.open(opts.timeoutMs);
        return await step(link);
      } catch (err) {
        if (err instanceof PrinterError) throw err;
        lastError = err;
      } finally {
        if (link) await withTimeout(link.close(), CLOSE_TIMEOUT_MS, 'close').catch(() => undefined);
      }
    }
    report('offline');
    const reason = lastError instanceof Error ? lastError.message : String(lastError);
    throw new PrinterError('offline', `${connector.description}: ${reason}`, { cause: lastError });
  }

  async function requireReady(link: PrinterLink): Promise<void> {
    const state = await readState(link);
    report(state);
    if (state !== 'ok') throw new PrinterError(state, `${connector.description}: ${state}`);
  }

  return {
    description: connector.description,
    print(job: TicketPrintJob) {
      return serially(async () => {
        let bytes: Buffer;
        try {
          const { buildTicketBytes } = await import('./ticket-rendering');
          bytes = buildTicketBytes(job, opts.layout);
        } catch (err) {
          throw new PrinterError('error', `ticket could not be laid out: ${(err as Error).message}`, { cause: err });
        }
        // If the printer dies after taking the ticket, the retry prints it again: a
        // second copy of the same number is harmless, a missing ticket is not.
        await withLink(async (link) => {
          await requireReady(link);
          await link.write(bytes, opts.timeoutMs + connector.transferMs(bytes.length));
          // The answer comes after the printer has received every byte before the request.
          await requireReady(link);
        });
      });
    },
    status() {
      return serially(async () => {
        try {
          const state = await withLink(readState);
          report(state);
          return state;
        } catch (err) {
          if (err instanceof PrinterError) return err.printerState;
          throw err;
        }
      });
    },
    async close() {
      closed = true;
      await queue;
    },
  };
}
