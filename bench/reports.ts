// One year's report for a small centre (50,000 tickets) and a very busy one (1,000,000), as a
// centre's server makes it: the compiled server (npm start) in a fresh process on a data folder
// holding the year's summaries; cold is its first year report, asked 8 s after a manager signed
// in (the thread has read the summaries by then: the city link lists every closed day at start,
// and the sign-in reads ahead and builds over the latest days, warm-up.ts, but no period this
// long), then the same year again (the answer kept), other closed periods built in the warm
// thread and, once that thread had been renewed after a minute idle (report-pool.ts), in the
// new one, and twice more, each a minute later, asked 3 s after a manager signed in and 3 s
// after the reports page opened; then the year's workbook and the server's memory. Targets:
// 100 ms and 1 s.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays } from '../server/reports/calendar-days';
import { reportingYear, writeSyntheticYear } from './reports-synthetic-year';
import { compileServer, http, MeteredServer, PASSWORD, THREADS_IDLE_MS } from './server-process';
import { percentile, type Figure } from './stats';

const MB = 1024 * 1024;

async function benchYear(label: string, tickets: number, target: string): Promise<Figure[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'qms-bench-reports-'));
  let server: MeteredServer | undefined;
  try {
    // A year already closed, so today's live queue is no part of it.
    const { from, to } = reportingYear(2025);
    const days = await writeSyntheticYear(dataDir, from, to, tickets);
    server = await MeteredServer.start(dataDir);
    const { url } = server;
    const token = (await http('POST', `${url}/api/auth/login`, undefined, { username: 'admin', password: PASSWORD })).body.token as string;
    // A first start makes the voice's clips: let it finish, so the report has the machine a
    // manager's report has on an ordinary day.
    await new Promise((r) => setTimeout(r, 8000));
    const year = (last: string) => `${url}/api/reports?from=${from}&to=${last}`;
    const cold = await http('GET', year(to), token);
    if (cold.status !== 200 || cold.body.totals.visits.visits !== tickets) throw new Error(`report counted ${JSON.stringify(cold.body).slice(0, 200)} of ${tickets} tickets`);
    // The same closed year again: the answer kept since (report-service.ts).
    const again: number[] = [];
    for (let i = 0; i < 5; i++) again.push((await http('GET', year(to), token)).ms);
    // Built again in the thread now warm: five other closed periods, the year less a day, two, …
    const warm: number[] = [];
    for (let i = 1; i <= 5; i++) warm.push((await http('GET', year(addDays(to, -i)), token)).ms);
    const xlsx = await http('GET', `${url}/api/reports/export.xlsx?from=${from}&to=${to}`, token);
    if (xlsx.status !== 200) throw new Error(`workbook: ${xlsx.status}`);
    const afterReports = await server.read();
    // A minute idle, the thread is renewed (its heap let go) and prepared; a period not asked before is built there.
    await new Promise((r) => setTimeout(r, THREADS_IDLE_MS));
    const settled = await server.read();
    const coldAgain = await http('GET', year(addDays(to, -6)), token);
    // Renewed again, and a manager signs in: it reads what the renewal did not (server/reports/read-ahead.ts)
    // while the manager picks a period, a few seconds.
    await new Promise((r) => setTimeout(r, THREADS_IDLE_MS));
    const later = (await http('POST', `${url}/api/auth/login`, undefined, { username: 'admin', password: PASSWORD })).body.token as string;
    await new Promise((r) => setTimeout(r, 3000));
    const signedInLater = await http('GET', year(addDays(to, -7)), later);
    // Renewed once more, with the manager still signed in: the reports page opens (its
    // presets), and the period is asked 3 s later.
    await new Promise((r) => setTimeout(r, THREADS_IDLE_MS));
    if ((await http('GET', `${url}/api/reports/presets?date=${to}`, later)).status !== 200) throw new Error('presets');
    await new Promise((r) => setTimeout(r, 3000));
    const pageOpened = await http('GET', year(addDays(to, -8)), later);
    return [
      { name: `reports: one-year report, ${label} tickets (${days.length} days), cold (a fresh server, asked 8 s after a manager signed in)`, value: Math.round(cold.ms), unit: 'ms', target },
      { name: `reports: … the same year asked again (its kept answer, median of 5)`, value: Math.round(percentile(again, 0.5) * 10) / 10, unit: 'ms', target },
      { name: `reports: … another closed year's period built in the warm thread (median of 5)`, value: Math.round(percentile(warm, 0.5)), unit: 'ms', target },
      { name: `reports: … another built after the reports' thread was renewed (a minute idle, no sign-in)`, value: Math.round(coldAgain.ms), unit: 'ms', target },
      { name: `reports: … another, asked 3 s after a manager signed in once the thread was renewed again`, value: Math.round(signedInLater.ms), unit: 'ms', target },
      { name: `reports: … another, asked 3 s after the reports page opened once the thread was renewed again`, value: Math.round(pageOpened.ms), unit: 'ms', target },
      { name: `reports: … its JSON`, value: Math.round((Buffer.byteLength(JSON.stringify(cold.body)) / MB) * 10) / 10, unit: 'MB' },
      { name: `reports: one-year .xlsx export, ${label} tickets, warm`, value: Math.round(xlsx.ms), unit: 'ms' },
      { name: `reports: server rss after the ${label}-ticket year's reports and workbook`, value: Math.round(afterReports.rss / MB), unit: 'MB' },
      { name: `reports: … a minute later, its reports' thread renewed`, value: Math.round(settled.rss / MB), unit: 'MB' },
    ];
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}-server.log`, { force: true });
  }
}

export async function benchReports(): Promise<Figure[]> {
  compileServer();
  return [...(await benchYear('50,000', 50_000, '≤ 100')), ...(await benchYear('1,000,000', 1_000_000, '≤ 1000'))];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchReports()) console.log(`${r.name}: ${r.value} ${r.unit}`);
}
