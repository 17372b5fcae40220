// Does every screen show what the server holds? Each device's state was built by the apps'
// own connection code from snapshots and events; the server's comes fresh from a new
// manager connection. Both are compared as the server would send them: the live part of
// the queue, as JSON.
import type { CentreConfig } from '@protocol/config';
import type { CounterView, PublicTicketView, StaffEntry } from '@protocol/events';
import { liveView, type QueueState } from '@protocol/queue';
import { counterView } from '../../server/application/views';
import { check, type Check } from './check';

const asJson = (x: unknown) => JSON.parse(JSON.stringify(x ?? null));

/** Paths where two JSON values differ, at most `limit` of them. */
export function jsonDifferences(expected: unknown, actual: unknown, path = '', out: string[] = [], limit = 5): string[] {
  if (out.length >= limit) return out;
  if (expected === actual) return out;
  const bothObjects = typeof expected === 'object' && typeof actual === 'object' && expected !== null && actual !== null;
  if (!bothObjects || Array.isArray(expected) !== Array.isArray(actual)) {
    out.push(`${path || '(root)'}: server ${JSON.stringify(expected)?.slice(0, 120)}, device ${JSON.stringify(actual)?.slice(0, 120)}`);
    return out;
  }
  const keys = new Set([...Object.keys(expected as object), ...Object.keys(actual as object)]);
  for (const k of keys) jsonDifferences((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${path}.${k}`, out, limit);
  return out;
}

export interface DeviceScreen {
  name: string;
  state: QueueState | null;
  /** Counter displays, rating terminals and staff consoles show one counter too. */
  counterId?: number;
  counter?: CounterView | null;
}

export function checkDeviceStates(server: QueueState, screens: readonly DeviceScreen[]): Check {
  const expected = asJson(liveView(server));
  const failures: string[] = [];
  for (const s of screens) {
    if (!s.state) {
      failures.push(`${s.name} has no state`);
      continue;
    }
    for (const d of jsonDifferences(expected, asJson(liveView(s.state)))) failures.push(`${s.name} ${d}`);
  }
  return check("every device's queue (seq, waiting lines, counters, tickets, day's counts) equals the server's", failures, `${screens.length} devices at seq ${server.seq}`);
}

export function checkCounterViews(server: QueueState, config: CentreConfig, staff: StaffEntry[], screens: readonly DeviceScreen[]): Check {
  const failures: string[] = [];
  let n = 0;
  for (const s of screens) {
    if (s.counterId === undefined) continue;
    n++;
    const expected = asJson(counterView(server, config, staff, s.counterId));
    for (const d of jsonDifferences(expected, asJson(s.counter))) failures.push(`${s.name} (counter ${s.counterId}) ${d}`);
  }
  return check("every counter's display, terminal and console shows the server's view of that counter", failures, `${n} counter screens`);
}

/** GET /api/state (the HTTP view) against the manager's snapshot of the same moment. */
export function checkHttpState(
  server: QueueState,
  http: { services: { id: string; waiting: number }[]; counters: { id: number; status: string; current: { ticketId: string } | null }[] },
): Check {
  const failures: string[] = [];
  for (const s of http.services) {
    const waiting = server.waiting[s.id]?.length ?? 0;
    if (s.waiting !== waiting) failures.push(`field ${s.id}: GET /api/state says ${s.waiting} waiting, the snapshot ${waiting}`);
  }
  for (const c of http.counters) {
    const cs = server.counters[c.id];
    if ((cs?.status ?? 'closed') !== c.status) failures.push(`counter ${c.id}: GET /api/state says ${c.status}, the snapshot ${cs?.status}`);
    if ((c.current?.ticketId ?? undefined) !== cs?.currentTicketId) failures.push(`counter ${c.id}: current ticket differs between GET /api/state and the snapshot`);
  }
  return check('GET /api/state agrees with a fresh snapshot', failures);
}

export function checkPhones(phones: readonly { actor: string; view: PublicTicketView | null; server: PublicTicketView }[]): Check {
  const failures: string[] = [];
  // The wait estimate is left out: it is a live figure the server works out from the clock and
  // sends at most every 5 s, so the phone's last one and a fresh one may differ by a step at
  // the moment of the check (test/server/wait-estimate.test.ts checks the estimate itself).
  const withoutEstimate = (v: PublicTicketView | null) => (v ? { ...v, waitEstimate: undefined } : v);
  for (const p of phones) {
    for (const d of jsonDifferences(asJson(withoutEstimate(p.server)), asJson(withoutEstimate(p.view)))) failures.push(`${p.actor} (${p.server.label}) ${d}`);
  }
  return check('every phone shows what the server says of its ticket', failures, `${phones.length} phones`);
}
