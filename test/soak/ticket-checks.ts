// The day's tickets in the journal: events numbered without gaps, each acknowledged ticket
// there once, no label twice, and each field's numbers running on from its block start.
import { ticketLabel, type ServiceConfig } from '@protocol/config';
import type { QueueEvent } from '@protocol/queue';
import { check, type Check } from './check';
import type { CommandRecord } from './ledger';

export function checkSequence(events: readonly QueueEvent[]): Check {
  const failures: string[] = [];
  events.forEach((e, i) => {
    if (e.seq !== i + 1) failures.push(`event ${i + 1} of the journal has seq ${e.seq}`);
  });
  if (events[0]?.type !== 'day.opened') failures.push('the journal does not start with day.opened');
  return check('journal events are numbered 1…n without gaps', failures, `${events.length} events`);
}

/** The queue's time only moves forward, whatever the server's clock did (a step back in the soak). */
export function checkTimeForward(events: readonly QueueEvent[]): Check {
  const failures: string[] = [];
  for (let i = 1; i < events.length; i++) {
    if (events[i].at < events[i - 1].at) failures.push(`event ${events[i].seq} is ${events[i - 1].at - events[i].at} ms earlier than the one before it`);
  }
  return check("the queue's time never goes back", failures.slice(0, 10), `${events.length} events`);
}

function issuedTickets(events: readonly QueueEvent[]) {
  return events.flatMap((e) => (e.type === 'ticket.issued' ? [e.ticket] : []));
}

export function checkAckedTickets(events: readonly QueueEvent[], records: readonly CommandRecord[]): Check {
  const times = new Map<string, number>();
  for (const t of issuedTickets(events)) times.set(t.id, (times.get(t.id) ?? 0) + 1);
  const failures: string[] = [];
  let acked = 0;
  for (const r of records) {
    if (r.command.type !== 'issue' || r.outcome.kind !== 'ok') continue;
    acked++;
    const n = times.get(r.command.ticketId!) ?? 0;
    if (n !== 1) failures.push(`ticket ${r.command.label} (${r.command.ticketId}) was acknowledged and is in the journal ${n} times`);
  }
  for (const [id, n] of times) if (n > 1) failures.push(`ticket id ${id} is issued ${n} times`);
  return check('every acknowledged ticket is in the journal exactly once', failures, `${acked} acknowledged tickets`);
}

export function checkLabels(events: readonly QueueEvent[]): Check {
  const seen = new Map<string, number>();
  const failures: string[] = [];
  for (const e of events) {
    if (e.type !== 'ticket.issued') continue;
    const first = seen.get(e.ticket.label);
    if (first !== undefined) failures.push(`label ${e.ticket.label} issued twice (events #${first} and #${e.seq})`);
    else seen.set(e.ticket.label, e.seq);
  }
  return check('no number is issued twice', failures, `${seen.size} labels`);
}

export function checkNumbering(events: readonly QueueEvent[], services: readonly ServiceConfig[]): Check {
  const failures: string[] = [];
  const byService = new Map<string, QueueEvent[]>();
  for (const e of events) {
    if (e.type !== 'ticket.issued') continue;
    const list = byService.get(e.ticket.serviceId) ?? [];
    list.push(e);
    byService.set(e.ticket.serviceId, list);
  }
  for (const [serviceId, list] of byService) {
    const service = services.find((s) => s.id === serviceId);
    if (!service) {
      failures.push(`tickets of unknown field ${serviceId}`);
      continue;
    }
    // Issue order, not sorted order: each number must be the next one of its block.
    list.forEach((e, i) => {
      if (e.type !== 'ticket.issued') return;
      const expected = service.numberStart + i;
      if (e.ticket.number !== expected || e.ticket.label !== ticketLabel(service, expected)) {
        failures.push(`${serviceId}: ticket ${i + 1} of the day is ${e.ticket.label} (#${e.seq}), expected ${ticketLabel(service, expected)}`);
      }
    });
  }
  return check('numbers of each field run on from the block start with no gap', failures, `${byService.size} fields`);
}
