// A day's facts (day-facts.ts) reduced to what reports need, one typed-array column per
// fact, so a year of summaries loads fast and medians and 90th percentiles over any period
// stay exact. On disk each column is base64 of its little-endian bytes inside a small JSON
// object. Format 2 holds a row per visit and a row per service; format 1 (one row per
// ticket, credited to its last call) is still read: see summary-format-1.ts.
import type { QueueEvent } from '@protocol/queue';
import { localTime } from '@protocol/local-time';
import { addDays, localMidnight } from './calendar-days';
import { factsOfDay, ServiceEnd, VisitEnd, type DayFacts } from './day-facts';
import { isFormat1, parseFormat1 } from './summary-format-1';

export const SUMMARY_FORMAT = 2;

export interface VisitColumns {
  /** Index into DaySummary.fields: the field the visit ended in (after transfers). */
  field: Uint16Array;
  /** Index into DaySummary.fields: the field it was issued for. */
  issuedField: Uint16Array;
  /** Local minute of the day it was issued. */
  minute: Uint16Array;
  /** Issue → first call; -1 = never called. */
  waitMs: Int32Array;
  /** A VisitEnd value. */
  end: Uint8Array;
  priority: Uint8Array;
  transfers: Uint8Array;
}

export interface ServiceColumns {
  /** Row of its visit in this day. */
  visit: Uint32Array;
  /** Index into DaySummary.fields: the field served. */
  field: Uint16Array;
  counter: Uint16Array;
  /** 1 + index into DaySummary.staff; 0 = nobody signed in (should not happen). */
  staff: Uint16Array;
  /** Local minute of the day it was called. */
  minute: Uint16Array;
  /** Joining the line → this call; -1 = not measured (called back after being marked absent). */
  waitMs: Int32Array;
  /** Call → end; -1 while still at the desk. */
  durationMs: Int32Array;
  /** A ServiceEnd value. */
  end: Uint8Array;
  /** 1 + index into fields of a transfer's destination; 0 = not a transfer. */
  toField: Uint16Array;
  /** Counter a transfer named; 0 = any counter of the field. */
  toCounter: Uint16Array;
  /** 1 + index into DaySummary.outcomes; 0 = not classified. */
  outcome: Uint16Array;
  /** Dossier codes typed at the finish. */
  dossiers: Uint8Array;
  recalls: Uint8Array;
  /** Rating score of the visit it finished; 0 = not rated. */
  score: Uint8Array;
  /** 1 + index into DaySummary.reasons; 0 = no reason. */
  reason: Uint16Array;
}

export interface PresenceRow {
  counter: number;
  /** Index into DaySummary.staff. */
  staff: number;
  signedInMs: number;
  servingMs: number;
  idleMs: number;
  /** [index into DaySummary.pauseReasons, ms] */
  paused: [number, number][];
}

export interface DaySummary {
  day: string;
  visitCount: number;
  serviceCount: number;
  fields: string[];
  staff: string[];
  reasons: string[];
  outcomes: string[];
  pauseReasons: string[];
  visits: VisitColumns;
  services: ServiceColumns;
  presence: PresenceRow[];
  /** [service row, code] */
  dossierCodes: [number, string][];
  /** Size of the journal it was built from, so a journal that grew later is summarised again. */
  journalBytes?: number;
  /** The stored format it was read from (1 = an older release's summary without services). */
  readFormat?: number;
}

type Ctor<T> = new (n: number) => T;
const VISIT_TYPES: { [K in keyof VisitColumns]: Ctor<VisitColumns[K]> } = {
  field: Uint16Array,
  issuedField: Uint16Array,
  minute: Uint16Array,
  waitMs: Int32Array,
  end: Uint8Array,
  priority: Uint8Array,
  transfers: Uint8Array,
};
const SERVICE_TYPES: { [K in keyof ServiceColumns]: Ctor<ServiceColumns[K]> } = {
  visit: Uint32Array,
  field: Uint16Array,
  counter: Uint16Array,
  staff: Uint16Array,
  minute: Uint16Array,
  waitMs: Int32Array,
  durationMs: Int32Array,
  end: Uint8Array,
  toField: Uint16Array,
  toCounter: Uint16Array,
  outcome: Uint16Array,
  dossiers: Uint8Array,
  recalls: Uint8Array,
  score: Uint8Array,
  reason: Uint16Array,
};
type AnyColumn = Uint8Array | Uint16Array | Uint32Array | Int32Array;

function columnsOf<T>(types: Record<string, Ctor<AnyColumn>>, n: number): T {
  const out: Record<string, AnyColumn> = {};
  for (const [name, type] of Object.entries(types)) out[name] = new type(n);
  return out as T;
}

export const emptyVisitColumns = (n: number) => columnsOf<VisitColumns>(VISIT_TYPES, n);
export const emptyServiceColumns = (n: number) => columnsOf<ServiceColumns>(SERVICE_TYPES, n);

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

interface StoredSummary {
  format: number;
  day: string;
  visitCount: number;
  serviceCount: number;
  journalBytes?: number;
  fields: string[];
  staff: string[];
  reasons: string[];
  outcomes: string[];
  pauseReasons: string[];
  visits: Record<string, string>;
  services: Record<string, string>;
  presence: PresenceRow[];
  dossierCodes: [number, string][];
}

function toBase64(column: AnyColumn): string {
  return Buffer.from(column.buffer, column.byteOffset, column.byteLength).toString('base64');
}

function encodeColumns(columns: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, column] of Object.entries(columns)) out[name] = toBase64(column as AnyColumn);
  return out;
}

export function serializeSummary(s: DaySummary): string {
  const stored: StoredSummary = {
    format: SUMMARY_FORMAT,
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

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === 'string');
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function decodeColumns<T>(types: Record<string, Ctor<AnyColumn>>, stored: unknown, n: number): T {
  const columns = columnsOf<Record<string, AnyColumn>>(types, n);
  for (const [name, target] of Object.entries(columns)) {
    const b64 = (stored as Record<string, unknown> | undefined)?.[name];
    if (typeof b64 !== 'string') throw new Error(`missing column ${name}`);
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.byteLength !== target.byteLength) throw new Error(`column ${name} holds ${bytes.byteLength} bytes, expected ${target.byteLength}`);
    new Uint8Array(target.buffer).set(bytes);
  }
  return columns as T;
}

/** Parses a stored summary of this format or format 1; throws on anything malformed (the caller rebuilds it from the journal). */
export function parseSummary(text: string, expectedDay: string): DaySummary {
  const raw = JSON.parse(text) as Partial<StoredSummary>;
  if (raw?.day !== expectedDay) throw new Error(`summary is for ${raw?.day}, expected ${expectedDay}`);
  if (isFormat1(raw)) return parseFormat1(raw);
  if (raw.format !== SUMMARY_FORMAT) throw new Error(`summary format ${raw.format} is not ${SUMMARY_FORMAT}`);
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
    readFormat: SUMMARY_FORMAT,
  };
  checkSummary(summary);
  return summary;
}

/** Every index points inside its list, so a damaged file cannot make a report read garbage. */
export function checkSummary(s: DaySummary): void {
  const v = s.visits;
  for (let i = 0; i < s.visitCount; i++) {
    if (v.field[i] >= s.fields.length || v.issuedField[i] >= s.fields.length || v.end[i] > VisitEnd.serving || v.minute[i] >= 1440)
      throw new Error(`visit row ${i} points outside the summary`);
  }
  const c = s.services;
  for (let i = 0; i < s.serviceCount; i++) {
    if (
      c.visit[i] >= s.visitCount ||
      c.field[i] >= s.fields.length ||
      c.staff[i] > s.staff.length ||
      c.toField[i] > s.fields.length ||
      c.outcome[i] > s.outcomes.length ||
      c.reason[i] > s.reasons.length ||
      c.end[i] > ServiceEnd.requeued ||
      c.minute[i] >= 1440
    )
      throw new Error(`service row ${i} points outside the summary`);
  }
  for (const p of s.presence) {
    const ok =
      isCount(p?.counter) &&
      isCount(p.staff) &&
      p.staff < s.staff.length &&
      [p.signedInMs, p.servingMs, p.idleMs].every(isCount) &&
      Array.isArray(p.paused) &&
      p.paused.every((x) => Array.isArray(x) && isCount(x[0]) && x[0] < s.pauseReasons.length && isCount(x[1]));
    if (!ok) throw new Error('presence row points outside the summary');
  }
  for (const d of s.dossierCodes) {
    if (!Array.isArray(d) || !isCount(d[0]) || d[0] >= s.serviceCount || typeof d[1] !== 'string') throw new Error('bad dossier code row');
  }
}
