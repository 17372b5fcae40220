// The soak's judge, on small hand-made days: if these checks could not fail, the soak's
// green result would mean nothing.
import { describe, expect, it } from 'vitest';
import { sampleCentre } from '@protocol/sample-centre';
import { buildTicketBytes } from '../../server/devices/printer/build-ticket-bytes';
import { seededRandom } from '../../server/simulator/seeded-random';
import type { QueueEvent, QueueEventBody } from '@protocol/queue';
import { sampleTicketJobs } from '../printer/ticket-fixtures';
import { jsonDifferences } from './device-check';
import { planFaults } from './faults';
import { Ledger, type Outcome, type SoakCommand } from './ledger';
import { printedTicketIds } from './printed-tickets';
import { alignCommands } from './align-commands';
import { announcementCoverage } from './announcements';
import { clientTally, journalTally } from './tallies';
import { checkAckedTickets, checkLabels, checkNumbering } from './ticket-checks';

const DAY = '2026-03-16';

/** A journal from event bodies: seq 1…n after day.opened, one millisecond apart unless `at` is given. */
function journal(...bodies: (QueueEventBody & { at?: number })[]): QueueEvent[] {
  const all: (QueueEventBody & { at?: number })[] = [{ type: 'day.opened', day: DAY, counters: [] }, ...bodies];
  return all.map((b, i) => ({ at: 1000 + i, ...b, seq: i + 1 }) as QueueEvent);
}

const issued = (id: string, number: number, serviceId = 'chung-thuc'): QueueEventBody => ({
  type: 'ticket.issued',
  ticket: { id, number, label: String(number), serviceId, priority: false, source: 'kiosk' },
  deviceId: 'kiosk-1',
});

const ok: Outcome = { kind: 'ok' };
const inDoubt: Outcome = { kind: 'in-doubt', cause: 'disconnected' };

function ledgerOf(...entries: [actor: string, command: SoakCommand, outcome: Outcome][]): Ledger {
  const ledger = new Ledger();
  entries.forEach(([actor, command, outcome], i) => ledger.add(actor, command, outcome, i));
  return ledger;
}

const issue = (ticketId: string, number: number): SoakCommand => ({ type: 'issue', serviceId: 'chung-thuc', priority: false, ticketId, label: String(number), printed: true });
const issueInDoubt: SoakCommand = { type: 'issue', serviceId: 'chung-thuc', priority: false };

describe('alignCommands()', () => {
  it('gives an event to the acknowledged command rather than to an earlier one in doubt', () => {
    const events = journal({ type: 'counter.paused', counterId: 1, reason: 'Đi họp' });
    const pause: SoakCommand = { type: 'pause', counterId: 1, reason: 'Đi họp' };
    const ledger = ledgerOf(['staff-1', pause, inDoubt], ['staff-1', pause, ok]);
    const a = alignCommands(events, ledger.byActor());
    expect(a.missing).toEqual([]);
    expect(a.unexplained).toEqual([]);
    expect(a.inDoubtNotHappened).toBe(1);
    expect(a.caused.get(ledger.records[1])).toHaveLength(1);
  });

  it('counts a command in doubt as happened when the journal holds its event', () => {
    const events = journal(issued('aaaaaaaa', 1001), issued('bbbbbbbb', 1002));
    const ledger = ledgerOf(['kiosk-1', issueInDoubt, inDoubt], ['kiosk-1', issue('bbbbbbbb', 1002), ok]);
    const a = alignCommands(events, ledger.byActor());
    expect(a.inDoubtHappened).toBe(1);
    expect(a.missing).toEqual([]);
    expect(clientTally(ledger.records, a).visits).toBe(2);
  });

  it('lines up a busy day of one kiosk, more commands than the call stack is deep', () => {
    const count = 20_000;
    const events = journal(...Array.from({ length: count }, (_, i) => issued(`t${i}`, 1001 + i)));
    const ledger = ledgerOf(...Array.from({ length: count }, (_, i): [string, SoakCommand, Outcome] => ['kiosk-1', i % 2 ? issueInDoubt : issue(`t${i}`, 1001 + i), i % 2 ? inDoubt : ok]));
    const a = alignCommands(events, ledger.byActor());
    expect(a.missing).toEqual([]);
    expect(a.unexplained).toEqual([]);
    expect(a.inDoubtHappened).toBe(count / 2);
  });

  it('reports an acknowledged ticket the journal does not hold', () => {
    const events = journal(issued('aaaaaaaa', 1001));
    const ledger = ledgerOf(['kiosk-1', issue('aaaaaaaa', 1001), ok], ['kiosk-1', issue('bbbbbbbb', 1002), ok]);
    const a = alignCommands(events, ledger.byActor());
    expect(a.missing).toHaveLength(1);
    expect(a.missing[0]).toContain('1002');
  });

  it('reports an event no command explains', () => {
    const events = journal(issued('aaaaaaaa', 1001), { type: 'ticket.called', ticketId: 'aaaaaaaa', label: '', counterId: 6, how: 'next' });
    const ledger = ledgerOf(['kiosk-1', issue('aaaaaaaa', 1001), ok]);
    const a = alignCommands(events, ledger.byActor());
    expect(a.unexplained.map((e) => e.type)).toEqual(['ticket.called']);
  });

  it('lets "next" take the finish it caused of the citizen still at the desk, and counts that citizen served', () => {
    const events = journal(
      issued('aaaaaaaa', 1001),
      issued('bbbbbbbb', 1002),
      { type: 'ticket.called', ticketId: 'aaaaaaaa', label: '', counterId: 6, how: 'next' },
      { type: 'ticket.finished', ticketId: 'aaaaaaaa', counterId: 6, at: 5000 },
      { type: 'ticket.called', ticketId: 'bbbbbbbb', label: '', counterId: 6, how: 'next', at: 5000 },
    );
    const ledger = ledgerOf(
      ['kiosk-1', issue('aaaaaaaa', 1001), ok],
      ['kiosk-1', issue('bbbbbbbb', 1002), ok],
      ['staff-6', { type: 'call-next', counterId: 6, ticketId: 'aaaaaaaa' }, ok],
      ['staff-6', { type: 'call-next', counterId: 6, ticketId: 'bbbbbbbb' }, ok],
    );
    const a = alignCommands(events, ledger.byActor());
    expect(a.missing).toEqual([]);
    expect(a.unexplained).toEqual([]);
    expect(clientTally(ledger.records, a).served).toBe(1);
  });

  it('counts ratings in doubt by the score the journal holds, like a replay of the journal', () => {
    const events = journal(
      issued('aaaaaaaa', 1001),
      { type: 'ticket.called', ticketId: 'aaaaaaaa', label: '', counterId: 6, how: 'next' },
      { type: 'ticket.finished', ticketId: 'aaaaaaaa', counterId: 6 },
      { type: 'ticket.rated', ticketId: 'aaaaaaaa', score: 1, reason: 'Khác', via: 'terminal', serviceId: 'chung-thuc', counterId: 6 },
    );
    const ledger = ledgerOf(
      ['kiosk-1', issue('aaaaaaaa', 1001), ok],
      ['staff-6', { type: 'call-next', counterId: 6, ticketId: 'aaaaaaaa' }, ok],
      ['staff-6', { type: 'finish', counterId: 6, ticketId: 'aaaaaaaa' }, ok],
      ['rating-terminal-6', { type: 'rate', ticketId: 'aaaaaaaa', score: 1, reason: 'Khác', via: 'terminal' }, inDoubt],
    );
    const a = alignCommands(events, ledger.byActor());
    const fromClients = clientTally(ledger.records, a);
    const { waiting: _w, serving: _s, ...fromJournal } = journalTally(DAY, events);
    expect(fromClients).toEqual(fromJournal);
    expect(fromClients.byScore).toEqual({ 1: 1 });
  });
});

describe('clientTally()', () => {
  it('counts a citizen marked absent and called back by number as served, not absent', () => {
    const events = journal(
      issued('aaaaaaaa', 1001),
      { type: 'ticket.called', ticketId: 'aaaaaaaa', label: '', counterId: 6, how: 'next' },
      { type: 'ticket.no-show', ticketId: 'aaaaaaaa', counterId: 6, requeue: false },
      { type: 'ticket.called', ticketId: 'aaaaaaaa', label: '', counterId: 6, how: 'number' },
      { type: 'ticket.finished', ticketId: 'aaaaaaaa', counterId: 6 },
    );
    const ledger = ledgerOf(
      ['kiosk-1', issue('aaaaaaaa', 1001), ok],
      ['staff-6', { type: 'call-next', counterId: 6, ticketId: 'aaaaaaaa' }, ok],
      ['staff-6', { type: 'no-show', counterId: 6, ticketId: 'aaaaaaaa', requeue: false }, ok],
      ['staff-6', { type: 'call-number', counterId: 6, label: '1001', ticketId: 'aaaaaaaa' }, inDoubt],
      ['staff-6', { type: 'finish', counterId: 6, ticketId: 'aaaaaaaa' }, ok],
    );
    const tally = clientTally(ledger.records, alignCommands(events, ledger.byActor()));
    expect(tally).toMatchObject({ visits: 1, served: 1, noShows: 0 });
  });
});

describe('announcementCoverage()', () => {
  const events = journal(
    issued('aaaaaaaa', 1001),
    { type: 'ticket.called', ticketId: 'aaaaaaaa', label: '', counterId: 6, how: 'next', at: 10_000 },
    { type: 'ticket.recalled', ticketId: 'aaaaaaaa', label: '', counterId: 6, at: 20_000 },
    { type: 'ticket.recalled', ticketId: 'aaaaaaaa', label: '', counterId: 6, at: 30_000 },
  );

  it('tells calls made while the display was away from calls it missed while connected', () => {
    const coverage = announcementCoverage(events, { received: new Set([3, 5]), heard: new Set([3]), away: [{ from: 19_000, to: 21_000 }] }, new Set());
    expect(coverage).toMatchObject({ calls: 3, heard: 1, whileOffline: 1, droppedByConnection: 1 });
    expect(coverage.missedOnline.map((e) => e.seq)).toEqual([5]);
  });
});

describe('ticket checks', () => {
  const services = sampleCentre.services;

  it('passes numbers that run on from the block start', () => {
    expect(checkNumbering(journal(issued('a1111111', 1001), issued('b1111111', 2001, 'ho-tich'), issued('c1111111', 1002)), services).ok).toBe(true);
  });

  it('finds a gap in a field\'s numbers', () => {
    const result = checkNumbering(journal(issued('a1111111', 1001), issued('b1111111', 1003)), services);
    expect(result.ok).toBe(false);
    expect(result.details[0]).toContain('expected 1002');
  });

  it('finds a number issued twice', () => {
    expect(checkLabels(journal(issued('a1111111', 1001), issued('b1111111', 1001))).ok).toBe(false);
  });

  it('finds an acknowledged ticket that is not in the journal', () => {
    const ledger = ledgerOf(['kiosk-1', issue('zzzzzzzz', 1001), ok]);
    expect(checkAckedTickets(journal(issued('a1111111', 1001)), ledger.records).ok).toBe(false);
  });
});

describe('jsonDifferences()', () => {
  it('names the path where a device differs from the server', () => {
    const server = { waiting: { 'ho-tich': ['a', 'b'] }, seq: 4 };
    const device = { waiting: { 'ho-tich': ['a'] }, seq: 4 };
    expect(jsonDifferences(server, device)).toEqual(['.waiting.ho-tich.1: server "b", device undefined']);
  });
});

describe('planFaults()', () => {
  const plan = () => planFaults({ durationMs: 30_000, kills: 2 }, seededRandom('soak-test'));

  it('is the same plan for the same seed', () => {
    expect(plan()).toEqual(plan());
  });

  it('kills the server as often as asked, once while the disk is slow', () => {
    const faults = plan();
    const kills = faults.filter((f) => f.kind === 'kill');
    expect(kills).toHaveLength(2);
    const slowFrom = faults.find((f) => f.kind === 'slow-disk' && f.ms > 0)!.at;
    const slowTo = faults.find((f) => f.kind === 'slow-disk' && f.ms === 0)!.at;
    expect(kills.some((k) => k.at > slowFrom && k.at < slowTo)).toBe(true);
  });
});

describe('printedTicketIds()', () => {
  it('reads the ticket id from the QR code of real ticket bytes', () => {
    const { job } = sampleTicketJobs(576)[0];
    const bytes = buildTicketBytes({ ...job, url: 'http://127.0.0.1:3000/ticket/?id=Ab3_x-9Qz7Lm' });
    expect(printedTicketIds([bytes])).toEqual(['Ab3_x-9Qz7Lm']);
  });
});
