// After the day: the journal, a fresh manager snapshot, GET /api/state, the day report and
// the printer's paper, held against every screen and against what the clients wrote down.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect, type Connection } from '../../client/connection';
import type { CentreConfig } from '@protocol/config';
import type { Snapshot } from '@protocol/events';
import type { QueueEvent } from '@protocol/queue';
import { announcementCoverage, type AnnouncementCoverage, type SpeakerLog } from './announcements';
import { checkCounterViews, checkDeviceStates, checkHttpState, checkPhones, type DeviceScreen } from './device-check';
import { http, httpOk } from './http';
import type { Ledger } from './ledger';
import type { PhoneActor } from './phone-actor';
import { checkPrinted, printedTicketIds } from './printed-tickets';
import { alignCommands, checkCommands } from './align-commands';
import { check, type Check } from './check';
import { clientTally, journalTally, reportTally, tallyDifferences } from './tallies';
import { checkAckedTickets, checkLabels, checkNumbering, checkSequence, checkTimeForward } from './ticket-checks';
import { isOnline, sleep } from './tracked-send';

export interface DayEndInput {
  url: string;
  adminToken: string;
  dataDir: string;
  config: CentreConfig;
  ledger: Ledger;
  /** Every connection that keeps the queue, and the counter it shows if any. */
  screens: { name: string; conn: Connection; counterId?: number }[];
  /** Phones still following a ticket, and every phone of the day. */
  phones: PhoneActor[];
  everyPhone: PhoneActor[];
  printedTickets: readonly Buffer[];
  speaker: SpeakerLog;
}

export interface DayEnd {
  checks: Check[];
  observations: string[];
  announcements: AnnouncementCoverage;
  tickets: number;
  inDoubtHappened: number;
}

async function freshSnapshot(url: string, token: string): Promise<Snapshot> {
  const conn = connect({ url, token });
  try {
    for (let waited = 0; waited < 10_000; waited += 50) {
      if (isOnline(conn) && conn.data.snapshot) return conn.data.snapshot;
      await sleep(50);
    }
    throw new Error('no snapshot from a fresh manager connection');
  } finally {
    conn.close();
  }
}

export async function readDayJournal(dataDir: string, day: string): Promise<QueueEvent[]> {
  const text = await readFile(join(dataDir, 'journal', `${day}.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as QueueEvent);
}

export async function checkDayEnd(input: DayEndInput): Promise<DayEnd> {
  const { url, adminToken, ledger } = input;
  const records = ledger.records;
  const snapshot = await freshSnapshot(url, adminToken);
  const day = snapshot.state.day;
  const events = await readDayJournal(input.dataDir, day);
  const alignment = alignCommands(events, ledger.byActor());

  const screens: DeviceScreen[] = input.screens.map(({ name, conn, counterId }) => ({
    name,
    state: conn.data.state,
    ...(counterId !== undefined ? { counterId, counter: conn.data.counter } : {}),
  }));
  const phoneViews = [];
  for (const p of input.phones) phoneViews.push({ actor: p.actor, view: p.view, server: (await http(url, 'GET', `/api/tickets/${p.ticketId}`)).body });

  const totals = (await httpOk(url, 'GET', `/api/reports?from=${day}&to=${day}`, undefined, adminToken)).totals;
  const fromClients = clientTally(records, alignment);
  const fromJournal = journalTally(day, events);
  const reportFailures = tallyDifferences('report', fromClients, reportTally(totals));
  // Beside a difference, the journal's own count tells a bookkeeping slip from a report error.
  if (reportFailures.length > 0) reportFailures.push(...tallyDifferences('journal replay', fromClients, fromJournal).map((d) => `(for comparison) ${d}`));
  const v = totals.visits;
  if (v.visits !== v.served + v.absent + v.unserved + v.serving) {
    reportFailures.push(`the report's outcomes do not add up: ${v.visits} visits ≠ ${v.served} + ${v.absent} + ${v.unserved} + ${v.serving}`);
  }

  const checks: Check[] = [
    checkSequence(events),
    checkTimeForward(events),
    checkAckedTickets(events, records),
    checkLabels(events),
    checkNumbering(events, input.config.services),
    ...checkCommands(alignment, records),
    checkDeviceStates(snapshot.state, screens),
    checkCounterViews(snapshot.state, snapshot.config, snapshot.staff, screens),
    checkHttpState(snapshot.state, await httpOk(url, 'GET', '/api/state', undefined, adminToken)),
    checkPhones(phoneViews),
    check(
      'the day report equals the count of what the clients saw (in-doubt commands resolved by the journal)',
      reportFailures,
      `visits ${v.visits}, served ${v.served}, absent ${v.absent}, transferred ${v.transferred}, unserved ${v.unserved}, rated ${totals.services.ratings.rated}`,
    ),
    checkPrinted(records, printedTicketIds(input.printedTickets)),
    check(
      "no phone was sent another citizen's ticket",
      input.everyPhone.filter((p) => p.foreignTickets.size > 0).map((p) => `${p.actor} was sent ${p.foreignTickets.size} other tickets`),
      `${input.everyPhone.length} phones over the day`,
    ),
  ];

  const observations: string[] = [];
  const inDoubtSeqs = new Set(records.filter((r) => r.outcome.kind === 'in-doubt').flatMap((r) => (alignment.caused.get(r) ?? []).map((e) => e.seq)));
  const announcements = announcementCoverage(events, input.speaker, inDoubtSeqs);
  if (announcements.missedOnline.length > 0) {
    const labelOf = new Map(events.flatMap((e) => (e.type === 'ticket.issued' ? [[e.ticket.id, e.ticket.label] as const] : [])));
    const examples = announcements.missedOnline
      .slice(0, 5)
      .map((e) => `#${e.seq} ${e.type}${e.type === 'ticket.called' ? ` (${e.how})` : ''} ${labelOf.get((e as { ticketId: string }).ticketId)}`);
    observations.push(
      `the speaking central display never announced ${announcements.missedOnline.length} calls made while it was connected ` +
        `(${announcements.droppedByConnection} of them reached its socket, and its connection asked for a snapshot instead of passing them on): ${examples.join(', ')}`,
    );
  }
  const timeouts = records.filter((r) => r.outcome.kind === 'in-doubt' && r.outcome.cause === 'timeout');
  if (timeouts.length > 0) {
    const kinds = new Map<string, number>();
    for (const r of timeouts) kinds.set(`${r.actor} ${r.command.type}`, (kinds.get(`${r.actor} ${r.command.type}`) ?? 0) + 1);
    observations.push(
      `${timeouts.length} commands got no answer within the apps' 8-s timeout with the connection up (the app says "Mất kết nối"): ` +
        [...kinds].map(([k, n]) => `${k} ×${n}`).join(', '),
    );
  }
  return { checks, observations, announcements, tickets: fromJournal.visits, inDoubtHappened: alignment.inDoubtHappened };
}
