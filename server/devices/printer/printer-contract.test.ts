// The contract every ESC/POS connection keeps, run against stand-ins that speak the
// printer's side of the protocol: TCP on 127.0.0.1, and a serial line and a USB printer
// device played through a socat pseudo-terminal pair. With QMS_TEST_PRINTER=<spec> the
// printing part also runs against that real printer (it prints a ticket).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatedPrinter, EmulatedStatus } from '../../../test/printer/emulated-printer';
import { hasSocat } from '../../../test/serial/pty-pair';
import { startPtyPrinter } from '../../../test/printer/pty-printer-emulator';
import { startTcpPrinter } from '../../../test/printer/tcp-printer-emulator';
import { sampleTicketJobs } from '../../../test/printer/ticket-fixtures';
import { buildTicketBytes } from './build-ticket-bytes';
import { createPrinter, PrinterError, type PrinterState } from './index';

/** Generous for printers that answer, so a busy CI machine cannot make them look offline. */
const ANSWER_TIMEOUT_MS = 5000;
/** Short for printers that never answer, so their two attempts finish quickly; not asserted on. */
const SILENT_TIMEOUT_MS = 400;
const jobs = sampleTicketJobs(576).map((f) => f.job);

interface StandIn {
  spec: string;
  printer: EmulatedPrinter;
  close(): Promise<void>;
}

const socat = hasSocat();
if (!socat) console.warn('\n*** socat is missing: the serial and USB (usblp) printer tests are SKIPPED. Install it: apt-get install socat ***\n');

const standIns: { name: string; needsSocat: boolean; start(status: EmulatedStatus): Promise<StandIn> }[] = [
  {
    name: 'network printer (tcp stand-in)',
    needsSocat: false,
    async start(status) {
      const s = await startTcpPrinter({ status });
      return { spec: `tcp://127.0.0.1:${s.port}`, printer: s.emulated, close: s.close };
    },
  },
  {
    name: 'serial printer (pty pair)',
    needsSocat: true,
    async start(status) {
      const s = await startPtyPrinter({ status, baudRate: 115200 });
      return { spec: `serial:${s.devicePath}?baud=115200`, printer: s.printer, close: s.close };
    },
  },
  {
    name: 'USB printer device (usblp path on a pty pair)',
    needsSocat: true,
    async start(status) {
      const s = await startPtyPrinter({ status });
      return { spec: `usb:${s.devicePath}`, printer: s.printer, close: s.close };
    },
  },
];

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qms-printer-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function rejection(p: Promise<unknown>): Promise<PrinterError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PrinterError);
  return err as PrinterError;
}

describe.each(standIns)('$name', ({ needsSocat, start }) => {
  const run = !needsSocat || socat;

  it.runIf(run)('delivers the ticket whole, byte for byte, and reports ok', async () => {
    const standIn = await start('ok');
    const states: PrinterState[] = [];
    const printer = createPrinter(standIn.spec, { dataDir, timeoutMs: ANSWER_TIMEOUT_MS, onState: (s) => states.push(s) });
    try {
      await printer.print(jobs[0]);
      const [ticket] = await standIn.printer.waitForTickets(1, 5000);
      expect(ticket.equals(buildTicketBytes(jobs[0]))).toBe(true);
      expect(states).toEqual(['ok']);
    } finally {
      await printer.close();
      await standIn.close();
    }
  });

  it.runIf(run)('prints tickets asked for at the same time one after another, in order', async () => {
    const standIn = await start('ok');
    const printer = createPrinter(standIn.spec, { dataDir, timeoutMs: ANSWER_TIMEOUT_MS });
    try {
      await Promise.all([printer.print(jobs[1]), printer.print(jobs[2]), printer.print(jobs[3])]);
      const tickets = await standIn.printer.waitForTickets(3, 5000);
      expect(tickets.map((t, i) => t.equals(buildTicketBytes(jobs[i + 1])))).toEqual([true, true, true]);
    } finally {
      await printer.close();
      await standIn.close();
    }
  });

  it.runIf(run)('refuses to print on a printer out of paper, reports it, and sees the paper come back', async () => {
    const standIn = await start('paper-out');
    const states: PrinterState[] = [];
    const printer = createPrinter(standIn.spec, { dataDir, timeoutMs: ANSWER_TIMEOUT_MS, onState: (s) => states.push(s) });
    try {
      const err = await rejection(printer.print(jobs[0]));
      expect(err.printerState).toBe('paper-out');
      expect(states).toEqual(['paper-out']);
      expect(standIn.printer.tickets).toHaveLength(0);
      expect(await printer.status()).toBe('paper-out');
      standIn.printer.status = 'ok';
      expect(await printer.status()).toBe('ok');
      expect(states).toEqual(['paper-out', 'ok']);
    } finally {
      await printer.close();
      await standIn.close();
    }
  });

  it.runIf(run)('fails the ticket during which the paper ran out', async () => {
    const standIn = await start('ok');
    standIn.printer.paperLeftForTickets = 1;
    const states: PrinterState[] = [];
    const printer = createPrinter(standIn.spec, { dataDir, timeoutMs: ANSWER_TIMEOUT_MS, onState: (s) => states.push(s) });
    try {
      expect((await rejection(printer.print(jobs[0]))).printerState).toBe('paper-out');
      expect(states).toEqual(['ok', 'paper-out']);
    } finally {
      await printer.close();
      await standIn.close();
    }
  });

  it.runIf(run)('reports an error when the printer is off-line with its cover open', async () => {
    const standIn = await start('error');
    const printer = createPrinter(standIn.spec, { dataDir, timeoutMs: ANSWER_TIMEOUT_MS });
    try {
      expect((await rejection(printer.print(jobs[0]))).printerState).toBe('error');
      expect(await printer.status()).toBe('error');
    } finally {
      await printer.close();
      await standIn.close();
    }
  });

  it.runIf(run)('times out on a printer that never answers, tries once more, and reports offline', async () => {
    const standIn = await start('silent');
    const states: PrinterState[] = [];
    const printer = createPrinter(standIn.spec, { dataDir, timeoutMs: SILENT_TIMEOUT_MS, onState: (s) => states.push(s) });
    try {
      const err = await rejection(printer.print(jobs[0]));
      expect(err.printerState).toBe('offline');
      // One status request per attempt: the first, then the retry.
      expect(standIn.printer.statusRequests).toBe(2);
      expect(standIn.printer.tickets).toHaveLength(0);
      expect(states).toEqual(['offline']);
      expect(await printer.status()).toBe('offline');
    } finally {
      await printer.close();
      await standIn.close();
    }
  });
});

describe('network printer connections', () => {
  it('opens a new connection for the retry after a silent one', async () => {
    const standIn = await startTcpPrinter({ status: 'silent' });
    const printer = createPrinter(`tcp://127.0.0.1:${standIn.port}`, { dataDir, timeoutMs: SILENT_TIMEOUT_MS });
    try {
      await rejection(printer.print(jobs[0]));
      expect(standIn.connections()).toBe(2);
    } finally {
      await printer.close();
      await standIn.close();
    }
  });

  it('reports offline when nothing listens on the printer port', async () => {
    const standIn = await startTcpPrinter();
    const port = standIn.port;
    await standIn.close();
    const states: PrinterState[] = [];
    const printer = createPrinter(`tcp://127.0.0.1:${port}`, { dataDir, timeoutMs: SILENT_TIMEOUT_MS, onState: (s) => states.push(s) });
    expect((await rejection(printer.print(jobs[0]))).printerState).toBe('offline');
    expect(states).toEqual(['offline']);
    await printer.close();
  });

  it('prints without asking for status when the spec says status=off', async () => {
    const standIn = await startTcpPrinter({ status: 'silent' });
    const printer = createPrinter(`tcp://127.0.0.1:${standIn.port}?status=off`, { dataDir, timeoutMs: ANSWER_TIMEOUT_MS });
    try {
      await printer.print(jobs[0]);
      await standIn.waitForTickets(1, 5000);
      expect(standIn.statusRequests()).toBe(0);
    } finally {
      await printer.close();
      await standIn.close();
    }
  });

  it('refuses work after close', async () => {
    const standIn = await startTcpPrinter();
    const printer = createPrinter(`tcp://127.0.0.1:${standIn.port}`, { dataDir, timeoutMs: ANSWER_TIMEOUT_MS });
    await printer.close();
    expect((await rejection(printer.print(jobs[0]))).printerState).toBe('offline');
    await standIn.close();
  });
});

const realPrinterSpec = process.env.QMS_TEST_PRINTER;
describe.runIf(Boolean(realPrinterSpec))(`real printer ${realPrinterSpec ?? ''}`, () => {
  it('answers its status and prints one 80 mm ticket', async () => {
    const printer = createPrinter(realPrinterSpec as string, { dataDir, timeoutMs: 5000 });
    try {
      expect(await printer.status()).toBe('ok');
      await printer.print({ ...jobs[1], paperWidthDots: Number(process.env.QMS_TEST_PRINTER_WIDTH ?? 576) as 576 | 384 });
      expect(await printer.status()).toBe('ok');
    } finally {
      await printer.close();
    }
  });
});
