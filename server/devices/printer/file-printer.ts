// The printer for machines without one (development, demos, tests): each ticket becomes
// a PNG a person can open — the same image the paper would show — and, next to it, the
// .bin of ESC/POS bytes a real printer would have received.
import { constants } from 'node:fs';
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PrinterError, type PrinterState, type TicketPrinter, type TicketPrintJob } from './ticket-job';
import type { TicketLayoutOptions } from './ticket-layout';

/** "20260314-081500-1005" in the centre's zone: files sort by issue time. */
function ticketFileStem(job: TicketPrintJob): string {
  const parts: Record<string, string> = {};
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: job.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  for (const p of fmt.formatToParts(new Date(job.issuedAt))) parts[p.type] = p.value;
  const label = job.label.replace(/[^A-Za-z0-9-]/g, '_');
  return `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}-${label}`;
}

/** Writes `data` under the first free name stem, stem-2, stem-3 …: a reprint keeps both. */
async function writeNew(dir: string, stem: string, files: { ext: string; data: Buffer }[]): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? stem : `${stem}-${n}`;
    try {
      await writeFile(path.join(dir, name + files[0].ext), files[0].data, { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    for (const f of files.slice(1)) await writeFile(path.join(dir, name + f.ext), f.data);
    return path.join(dir, name);
  }
}

export function createFilePrinter(dir: string, opts: { onState?: (s: PrinterState) => void; layout: TicketLayoutOptions }): TicketPrinter {
  let lastState: PrinterState | null = null;
  const report = (s: PrinterState) => {
    if (s !== lastState) opts.onState?.(s);
    lastState = s;
  };

  async function writable(): Promise<PrinterState> {
    try {
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
      return 'ok';
    } catch {
      return 'error';
    }
  }

  return {
    description: `tệp PNG trong ${dir}`,
    async print(job) {
      try {
        const { bitmapToPng, escposFromLayout, layoutTicket, paintTicket } = await import('./ticket-rendering');
        const layout = layoutTicket(job, opts.layout);
        await mkdir(dir, { recursive: true });
        await writeNew(dir, ticketFileStem(job), [
          { ext: '.png', data: bitmapToPng(paintTicket(layout)) },
          { ext: '.bin', data: escposFromLayout(layout) },
        ]);
      } catch (err) {
        report('error');
        throw new PrinterError('error', `cannot write ticket to ${dir}: ${(err as Error).message}`, { cause: err });
      }
      report('ok');
    },
    async status() {
      const s = await writable();
      report(s);
      return s;
    },
    async close() {},
  };
}
