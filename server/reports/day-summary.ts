// A day's tickets reduced to what reports need, one typed-array column per fact, so a year
// of summaries loads fast and medians and 90th percentiles over any period stay exact.
// On disk each column is base64 of its little-endian bytes inside a small JSON object.
import { replay, type QueueEvent, type QueueState } from '@protocol/queue';
import { localTime } from '@protocol/local-time';
import { readDocument, type StoredFormat } from '../store/stored-format';
import { addDays, localMidnight } from './calendar-days';

export const Outcome = { unserved: 0, served: 1, noShow: 2, serving: 3 } as const;

export interface DayColumns {
  /** Index into DaySummary.services: the ticket's last field (after transfers). */
  service: Uint16Array;
  /** Counter of the last call; 0 = never called. */
  counter: Uint16Array;
  /** 1 + index into DaySummary.staff of the last call; 0 = none. */
  staff: Uint16Array;
  /** Local minute of the day the ticket was issued. */
  minute: Uint16Array;
  /** Issue → first call; -1 = never called. */
  waitMs: Int32Array;
  /** Last call → finish, for served tickets; -1 otherwise. */
  serviceMs: Int32Array;
  /** An Outcome value. */
  outcome: Uint8Array;
  priority: Uint8Array;
  transfers: Uint8Array;
  /** Rating score; 0 = not rated. */
  score: Uint8Array;
  /** 1 + index into DaySummary.reasons; 0 = no reason. */
  reason: Uint16Array;
}

export interface DaySummary {
  day: string;
  tickets: number;
  services: string[];
  staff: string[];
  reasons: string[];
  columns: DayColumns;
  /** Size of the journal it was built from, so a journal that grew later is summarised again. */
  journalBytes?: number;
}

type ColumnName = keyof DayColumns;
type TypedColumn = DayColumns[ColumnName];

const COLUMN_TYPES: { [K in ColumnName]: new (n: number) => DayColumns[K] } = {
  service: Uint16Array,
  counter: Uint16Array,
  staff: Uint16Array,
  minute: Uint16Array,
  waitMs: Int32Array,
  serviceMs: Int32Array,
  outcome: Uint8Array,
  priority: Uint8Array,
  transfers: Uint8Array,
  score: Uint8Array,
  reason: Uint16Array,
};

const COLUMN_NAMES = Object.keys(COLUMN_TYPES) as ColumnName[];

export function emptyColumns(n: number): DayColumns {
  const out = {} as Record<ColumnName, TypedColumn>;
  for (const name of COLUMN_NAMES) out[name] = new COLUMN_TYPES[name](n);
  return out as unknown as DayColumns;
}

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

const OUTCOME_OF = { waiting: Outcome.unserved, serving: Outcome.serving, done: Outcome.served, 'no-show': Outcome.noShow } as const;

/** Summarises a day's state (a closed day replayed, or today's live state). */
export function summarizeState(state: QueueState, timeZone: string): DaySummary {
  const tickets = Object.values(state.tickets);
  const n = tickets.length;
  const c = emptyColumns(n);
  const services: string[] = [];
  const staff: string[] = [];
  const reasons: string[] = [];
  const serviceIndex = indexer(services);
  const staffIndex = indexer(staff);
  const reasonIndex = indexer(reasons);
  const midnight = localMidnight(state.day, timeZone);
  // Without a clock change that day, the local minute is plain arithmetic (Intl is slow per ticket).
  const plainDay = localMidnight(addDays(state.day, 1), timeZone) - midnight === 86_400_000;
  tickets.forEach((t, i) => {
    c.service[i] = serviceIndex(t.serviceId);
    c.counter[i] = t.counterId ?? 0;
    c.staff[i] = t.staffId === undefined ? 0 : staffIndex(t.staffId) + 1;
    if (plainDay) c.minute[i] = Math.min(1439, Math.max(0, Math.floor((t.issuedAt - midnight) / 60_000)));
    else {
      const lt = localTime(t.issuedAt, timeZone);
      c.minute[i] = lt.hour * 60 + Number(lt.hhmm.slice(3));
    }
    c.waitMs[i] = t.firstCalledAt === undefined ? -1 : t.firstCalledAt - t.issuedAt;
    c.outcome[i] = OUTCOME_OF[t.status];
    c.serviceMs[i] = t.status === 'done' && t.finishedAt !== undefined && t.calledAt !== undefined ? t.finishedAt - t.calledAt : -1;
    c.priority[i] = t.priority ? 1 : 0;
    c.transfers[i] = Math.min(255, t.transfers);
    c.score[i] = t.rating?.score ?? 0;
    c.reason[i] = t.rating?.reason ? reasonIndex(t.rating.reason) + 1 : 0;
  });
  return { day: state.day, tickets: n, services, staff, reasons, columns: c };
}

/** Summarises a closed day from its events (what the queue service hands over at day close). */
export function summarizeDay(day: string, events: readonly QueueEvent[], timeZone: string): DaySummary {
  return summarizeState(replay(day, events), timeZone);
}

// ---- On disk ----

interface StoredSummary {
  format: number;
  day: string;
  tickets: number;
  journalBytes?: number;
  services: string[];
  staff: string[];
  reasons: string[];
  columns: Record<ColumnName, string>;
}

/**
 * A stored summary's format. The next change to the columns adds a step in upgrades; a summary
 * that cannot be read is rebuilt from its day's journal (summary-store.ts), the journal being the record.
 */
export const summaryFormat: StoredFormat<Partial<StoredSummary>> = {
  current: 1,
  upgrades: {},
  // The columns are checked against each other in parseSummary, where their sizes are known.
  parse: (doc) => doc as Partial<StoredSummary>,
};

function toBase64(column: TypedColumn): string {
  return Buffer.from(column.buffer, column.byteOffset, column.byteLength).toString('base64');
}

export function serializeSummary(s: DaySummary): string {
  const columns = {} as Record<ColumnName, string>;
  for (const name of COLUMN_NAMES) columns[name] = toBase64(s.columns[name]);
  const stored: StoredSummary = {
    format: summaryFormat.current,
    day: s.day,
    tickets: s.tickets,
    ...(s.journalBytes !== undefined ? { journalBytes: s.journalBytes } : {}),
    services: s.services,
    staff: s.staff,
    reasons: s.reasons,
    columns,
  };
  return JSON.stringify(stored);
}

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === 'string');

/** Parses a stored summary; throws on anything malformed (the caller rebuilds it from the journal). */
export function parseSummary(text: string, expectedDay: string): DaySummary {
  const raw = readDocument(summaryFormat, JSON.parse(text)).value;
  if (raw.day !== expectedDay) throw new Error(`summary is for ${raw.day}, expected ${expectedDay}`);
  const n = raw.tickets;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new Error('bad ticket count');
  if (!isStringArray(raw.services) || !isStringArray(raw.staff) || !isStringArray(raw.reasons)) throw new Error('bad name lists');
  if (raw.journalBytes !== undefined && typeof raw.journalBytes !== 'number') throw new Error('bad journalBytes');
  const columns = emptyColumns(n);
  for (const name of COLUMN_NAMES) {
    const b64 = raw.columns?.[name];
    if (typeof b64 !== 'string') throw new Error(`missing column ${name}`);
    const bytes = Buffer.from(b64, 'base64');
    const target = columns[name];
    if (bytes.byteLength !== target.byteLength) throw new Error(`column ${name} holds ${bytes.byteLength} bytes, expected ${target.byteLength}`);
    new Uint8Array(target.buffer).set(bytes);
  }
  checkIndexes(columns, n, raw.services.length, raw.staff.length, raw.reasons.length);
  return { day: raw.day, tickets: n, services: raw.services, staff: raw.staff, reasons: raw.reasons, columns, journalBytes: raw.journalBytes };
}

function checkIndexes(c: DayColumns, n: number, services: number, staff: number, reasons: number): void {
  for (let i = 0; i < n; i++) {
    if (c.service[i] >= services || c.staff[i] > staff || c.reason[i] > reasons || c.outcome[i] > Outcome.serving || c.minute[i] >= 1440)
      throw new Error(`ticket row ${i} points outside the summary`);
  }
}
