// A day's facts (day-facts.ts) reduced to what reports need, one typed-array column per
// fact, so a year of summaries loads fast and medians and 90th percentiles over any period
// stay exact. On disk each column is base64 of its little-endian bytes inside a small JSON
// object. Format 2 holds a row per visit and a row per service; format 1 (one row per
// ticket, credited to its last call) is still read: see summary-format-1.ts.
import type { QueueEvent } from '@protocol/queue';
import { localTime } from '@protocol/local-time';
import { addDays, localMidnight } from './calendar-days';
import { readDocument, type StoredFormat } from '../store/stored-format';
import { factsOfDay, ServiceEnd, VisitEnd, type DayFacts } from './day-facts';
import {
  checkSummary,
  decodeColumns,
  emptyServiceColumns,
  emptyVisitColumns,
  encodeColumns,
  isCount,
  isStringArray,
  SERVICE_TYPES,
  VISIT_TYPES,
  type DaySummary,
  type PresenceRow,
  type ServiceColumns,
  type StoredSummary,
  type VisitColumns,
} from './summary-columns';
import { upgradeFormat1 } from './summary-format-1';

export type { DaySummary, PresenceRow, ServiceColumns, VisitColumns } from './summary-columns';
export { emptyServiceColumns, emptyVisitColumns } from './summary-columns';

/**
 * A stored summary's format. Format 1 (one row per ticket, before services were counted) is
 * brought up to 2 by summary-format-1.ts; the store prefers to summarise such a day again from
 * its journal when the journal is still there (summary-store.ts).
 */
export const summaryFormat: StoredFormat<Partial<StoredSummary>> = {
  current: 2,
  upgrades: { 1: upgradeFormat1 },
  // The columns are checked against each other in parseSummary, where their sizes are known.
  parse: (doc) => doc as Partial<StoredSummary>,
};
export const SUMMARY_FORMAT = summaryFormat.current;

function indexer(list: string[]): (value: string) => number {
  const seen = new Map<string, number>();
  return (value) => {
    let i = seen.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      seen.set(value, i);
    }
    return i;
  };
}

/** Local minute of the day for epoch ms; plain arithmetic unless the zone shifts that day. */
function minuteOfDay(day: string, timeZone: string): (at: number) => number {
  const midnight = localMidnight(day, timeZone);
  const plainDay = localMidnight(addDays(day, 1), timeZone) - midnight === 86_400_000;
  if (plainDay) return (at) => Math.min(1439, Math.max(0, Math.floor((at - midnight) / 60_000)));
  return (at) => {
    const lt = localTime(at, timeZone);
    return lt.hour * 60 + Number(lt.hhmm.slice(3));
  };
}

const clampByte = (n: number) => Math.min(255, n);

/**
 * The columns of a day's facts. `until` closes the officers' open sign-ins: now for today,
 * the day's last event for a closed day.
 */
export function summarizeFacts(facts: DayFacts, until: number, timeZone: string): DaySummary {
  const fields: string[] = [];
  const staff: string[] = [];
  const reasons: string[] = [];
  const outcomes: string[] = [];
  const pauseReasons: string[] = [];
  const fieldIndex = indexer(fields);
  const staffIndex = indexer(staff);
  const reasonIndex = indexer(reasons);
  const outcomeIndex = indexer(outcomes);
  const pauseIndex = indexer(pauseReasons);
  const minute = minuteOfDay(facts.day, timeZone);

  const visits = emptyVisitColumns(facts.visits.length);
  facts.visits.forEach((v, i) => {
    visits.field[i] = fieldIndex(v.field);
    visits.issuedField[i] = fieldIndex(v.issuedField);
    visits.minute[i] = minute(v.issuedAt);
    visits.waitMs[i] = v.firstCalledAt === undefined ? -1 : v.firstCalledAt - v.issuedAt;
    visits.priority[i] = v.priority ? 1 : 0;
    visits.transfers[i] = clampByte(v.transfers);
    const last = v.lastService < 0 ? undefined : facts.services[v.lastService];
    visits.end[i] =
      v.inLine || !last
        ? VisitEnd.unserved
        : last.end === ServiceEnd.finished
          ? VisitEnd.served
          : last.end === ServiceEnd.absent
            ? VisitEnd.absent
            : VisitEnd.serving;
  });

  const services = emptyServiceColumns(facts.services.length);
  const dossierCodes: [number, string][] = [];
  facts.services.forEach((s, i) => {
    services.visit[i] = s.visit;
    services.field[i] = fieldIndex(s.field);
    services.counter[i] = s.counter;
    services.staff[i] = s.staff === undefined ? 0 : staffIndex(s.staff) + 1;
    services.minute[i] = minute(s.calledAt);
    services.waitMs[i] = s.lineWaitMs ?? -1;
    services.durationMs[i] = s.endedAt === undefined ? -1 : s.endedAt - s.calledAt;
    services.end[i] = s.end;
    services.toField[i] = s.toField === undefined ? 0 : fieldIndex(s.toField) + 1;
    services.toCounter[i] = s.toCounter ?? 0;
    services.outcome[i] = s.outcome === undefined ? 0 : outcomeIndex(s.outcome) + 1;
    services.dossiers[i] = clampByte(s.dossierCodes.length);
    for (const code of s.dossierCodes) dossierCodes.push([i, code]);
    services.recalls[i] = clampByte(s.recalls);
    services.score[i] = s.score ?? 0;
    services.reason[i] = s.reason === undefined ? 0 : reasonIndex(s.reason) + 1;
  });

  const presence: PresenceRow[] = facts.presenceUntil(until).map((p) => ({
    counter: p.counter,
    staff: staffIndex(p.staff),
    signedInMs: p.signedInMs,
    servingMs: p.servingMs,
    idleMs: p.idleMs,
    paused: [...p.pausedMs].map(([reason, ms]) => [pauseIndex(reason), ms]),
  }));

  return {
    day: facts.day,
    visitCount: facts.visits.length,
    serviceCount: facts.services.length,
    fields,
    staff,
    reasons,
    outcomes,
    pauseReasons,
    visits,
    services,
    presence,
    dossierCodes,
  };
}

/** Summarises a closed day from its events (what the queue service hands over at day close). */
export function summarizeDay(day: string, events: readonly QueueEvent[], timeZone: string): DaySummary {
  const facts = factsOfDay(day, events);
  return summarizeFacts(facts, facts.lastEventAt, timeZone);
}

// ---- On disk ----

export function serializeSummary(s: DaySummary): string {
  const stored: StoredSummary = {
    format: summaryFormat.current,
    day: s.day,
    visitCount: s.visitCount,
    serviceCount: s.serviceCount,
    ...(s.journalBytes !== undefined ? { journalBytes: s.journalBytes } : {}),
    fields: s.fields,
    staff: s.staff,
    reasons: s.reasons,
    outcomes: s.outcomes,
    pauseReasons: s.pauseReasons,
    visits: encodeColumns(s.visits),
    services: encodeColumns(s.services),
    presence: s.presence,
    dossierCodes: s.dossierCodes,
  };
  return JSON.stringify(stored);
}

/** Parses a stored summary of this format or format 1; throws on anything malformed (the caller rebuilds it from the journal). */
export function parseSummary(text: string, expectedDay: string): DaySummary {
  const { value: raw, from } = readDocument(summaryFormat, JSON.parse(text));
  if (raw?.day !== expectedDay) throw new Error(`summary is for ${raw?.day}, expected ${expectedDay}`);
  const { visitCount, serviceCount } = raw;
  if (!isCount(visitCount) || !isCount(serviceCount)) throw new Error('bad row counts');
  for (const list of [raw.fields, raw.staff, raw.reasons, raw.outcomes, raw.pauseReasons]) if (!isStringArray(list)) throw new Error('bad name lists');
  if (raw.journalBytes !== undefined && typeof raw.journalBytes !== 'number') throw new Error('bad journalBytes');
  if (!Array.isArray(raw.presence) || !Array.isArray(raw.dossierCodes)) throw new Error('bad presence or dossier codes');
  const summary: DaySummary = {
    day: raw.day,
    visitCount,
    serviceCount,
    fields: raw.fields!,
    staff: raw.staff!,
    reasons: raw.reasons!,
    outcomes: raw.outcomes!,
    pauseReasons: raw.pauseReasons!,
    visits: decodeColumns<VisitColumns>(VISIT_TYPES, raw.visits, visitCount),
    services: decodeColumns<ServiceColumns>(SERVICE_TYPES, raw.services, serviceCount),
    presence: raw.presence,
    dossierCodes: raw.dossierCodes,
    ...(raw.journalBytes !== undefined ? { journalBytes: raw.journalBytes } : {}),
    readFormat: from,
  };
  checkSummary(summary);
  return summary;
}

