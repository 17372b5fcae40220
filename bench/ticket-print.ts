// Ticket printing cost: rendering + ESC/POS building time, bytes per ticket for 80 mm and
// 58 mm paper, and the time from print() to the stand-in printer holding the last byte.
// Run alone with `npx tsx bench/ticket-print.ts`.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPrinter } from '../server/devices/printer';
import { buildTicketBytes } from '../server/devices/printer/build-ticket-bytes';
import { startTcpPrinter } from '../test/printer/tcp-printer-emulator';
import { sampleTicketJobs } from '../test/printer/ticket-fixtures';
import { percentile, type Figure } from './stats';

const ROUNDS = 5;
const SENDS = 40;

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export async function benchTicketPrint(): Promise<Figure[]> {
  const results: Figure[] = [];
  for (const [width, paper] of [[576, '80 mm'], [384, '58 mm']] as const) {
    const jobs = sampleTicketJobs(width).map((f) => f.job);
    buildTicketBytes(jobs[0]); // fonts load once per process; not part of a ticket's cost
    const times: number[] = [];
    const sizes: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const job of jobs) {
        const t0 = performance.now();
        const bytes = buildTicketBytes(job);
        times.push(performance.now() - t0);
        sizes.push(bytes.length);
      }
    }
    results.push(
      { name: `ticket render+build p50 (${paper})`, value: round(percentile(times, 0.5)), unit: 'ms', target: '' },
      { name: `ticket render+build p95 (${paper})`, value: round(percentile(times, 0.95)), unit: 'ms', target: '' },
      { name: `ticket bytes mean (${paper})`, value: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length), unit: 'B', target: '' },
      // The budget is for 80 mm tickets.
      { name: `ticket bytes max (${paper})`, value: Math.max(...sizes), unit: 'B', target: width === 576 ? '≤ 16384' : '' },
    );
  }

  const standIn = await startTcpPrinter({ status: 'ok' });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qms-bench-printer-'));
  const printer = createPrinter(`tcp://127.0.0.1:${standIn.port}`, { dataDir });
  try {
    const jobs = sampleTicketJobs(576).map((f) => f.job);
    const sendTimes: number[] = [];
    for (let i = 0; i < SENDS; i++) {
      const t0 = performance.now();
      await printer.print(jobs[i % jobs.length]);
      await standIn.waitForTickets(i + 1, 10_000);
      sendTimes.push(standIn.ticketArrivedAt[i] - t0);
    }
    results.push(
      { name: 'print to last byte at tcp printer p50 (80 mm)', value: round(percentile(sendTimes, 0.5)), unit: 'ms', target: '' },
      { name: 'print to last byte at tcp printer p95 (80 mm)', value: round(percentile(sendTimes, 0.95)), unit: 'ms', target: '' },
    );
  } finally {
    await printer.close();
    await standIn.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchTicketPrint()) console.log(`${r.name}: ${r.value} ${r.unit}`);
}
