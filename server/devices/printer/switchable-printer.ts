// The ticket printer the centre's configuration names, swapped live when a manager changes
// the connection: the server's parts hold this one object and never see the swap.
import { createPrinter, type PrinterState, type TicketPrinter } from './index';

export interface SwitchablePrinter extends TicketPrinter {
  /** Uses this connection spec from now on (no-op when it is the current one). */
  switchTo(spec: string): Promise<void>;
}

export function createSwitchablePrinter(spec: string, opts: { dataDir: string; onState: (s: PrinterState) => void }): SwitchablePrinter {
  let currentSpec = spec;
  let current = createPrinter(spec, opts);
  return {
    get description() {
      return current.description;
    },
    print: (job) => current.print(job),
    status: () => current.status(),
    close: () => current.close(),
    async switchTo(next) {
      if (next === currentSpec) return;
      const old = current;
      current = createPrinter(next, opts);
      currentSpec = next;
      opts.onState('ok');
      await old.close();
    },
  };
}
