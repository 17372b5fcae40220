// The columns of a day summary (format 2): one row per visit, one row per service, each
// fact a typed array; and how they are written as base64 and checked when read back.
import { ServiceEnd, VisitEnd } from './day-facts';

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

export type Ctor<T> = new (n: number) => T;
export const VISIT_TYPES: { [K in keyof VisitColumns]: Ctor<VisitColumns[K]> } = {
  field: Uint16Array,
  issuedField: Uint16Array,
  minute: Uint16Array,
  waitMs: Int32Array,
  end: Uint8Array,
  priority: Uint8Array,
  transfers: Uint8Array,
};
export const SERVICE_TYPES: { [K in keyof ServiceColumns]: Ctor<ServiceColumns[K]> } = {
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
export type AnyColumn = Uint8Array | Uint16Array | Uint32Array | Int32Array;

export function columnsOf<T>(types: Record<string, Ctor<AnyColumn>>, n: number): T {
  const out: Record<string, AnyColumn> = {};
  for (const [name, type] of Object.entries(types)) out[name] = new type(n);
  return out as T;
}

export const emptyVisitColumns = (n: number) => columnsOf<VisitColumns>(VISIT_TYPES, n);
export const emptyServiceColumns = (n: number) => columnsOf<ServiceColumns>(SERVICE_TYPES, n);


export interface StoredSummary {
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

export function encodeColumns(columns: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, column] of Object.entries(columns)) out[name] = toBase64(column as AnyColumn);
  return out;
}

export const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === 'string');
export const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** A column type as a view over bytes already in memory. */
type ViewCtor = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): AnyColumn; BYTES_PER_ELEMENT: number };

export function decodeColumns<T>(types: Record<string, Ctor<AnyColumn>>, stored: unknown, n: number): T {
  const columns: Record<string, AnyColumn> = {};
  for (const [name, ctor] of Object.entries(types)) {
    const type = ctor as unknown as ViewCtor;
    const b64 = (stored as Record<string, unknown> | undefined)?.[name];
    if (typeof b64 !== 'string') throw new Error(`missing column ${name}`);
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.byteLength !== n * type.BYTES_PER_ELEMENT) throw new Error(`column ${name} holds ${bytes.byteLength} bytes, expected ${n * type.BYTES_PER_ELEMENT}`);
    // The decoded bytes become the column where they are aligned for its type (Node aligns its
    // buffers to 8 bytes): a year's report reads ~35,000 summaries of 22 columns each, and a
    // second array and a copy per column cost more than the decoding.
    if (bytes.byteOffset % type.BYTES_PER_ELEMENT === 0) columns[name] = new type(bytes.buffer, bytes.byteOffset, n);
    else {
      const column = new ctor(n);
      new Uint8Array(column.buffer).set(bytes);
      columns[name] = column;
    }
  }
  return columns as T;
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
