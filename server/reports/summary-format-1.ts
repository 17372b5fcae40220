// Summaries written by releases before services were counted (format 1): one row per ticket,
// credited to the counter and officer of its last call, with no outcome and no officer time.
// Where the day's journal still exists the store summarises it again; where it does not,
// this step brings the old file up to format 2 as it is, so an older data folder still
// reports: each called ticket becomes one service at its last counter, ended as the ticket ended.
import type { StoredDocument } from '../store/stored-format';
import { ServiceEnd, VisitEnd } from './day-facts';
import { emptyServiceColumns, emptyVisitColumns, encodeColumns, isCount, isStringArray, type StoredSummary } from './summary-columns';

const OLD_COLUMNS = {
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
} as const;

type OldName = keyof typeof OLD_COLUMNS;
type OldColumns = { [K in OldName]: InstanceType<(typeof OLD_COLUMNS)[K]> };

/** Format 1's outcome values. */
const OLD = { unserved: 0, served: 1, noShow: 2, serving: 3 } as const;

function oldColumns(raw: StoredDocument, n: number): OldColumns {
  const stored = raw.columns as Record<string, unknown> | undefined;
  const out = {} as Record<OldName, unknown>;
  for (const [name, type] of Object.entries(OLD_COLUMNS) as [OldName, (typeof OLD_COLUMNS)[OldName]][]) {
    const b64 = stored?.[name];
    if (typeof b64 !== 'string') throw new Error(`missing column ${name}`);
    const bytes = Buffer.from(b64, 'base64');
    const column = new type(n);
    if (bytes.byteLength !== column.byteLength) throw new Error(`column ${name} holds ${bytes.byteLength} bytes, expected ${column.byteLength}`);
    new Uint8Array(column.buffer).set(bytes);
    out[name] = column;
  }
  return out as OldColumns;
}

/** A format-1 document as format 2 (the format number is set by the caller). */
export function upgradeFormat1(raw: StoredDocument): StoredDocument {
  const n = raw.tickets;
  if (!isCount(n)) throw new Error('bad ticket count');
  if (!isStringArray(raw.services) || !isStringArray(raw.staff) || !isStringArray(raw.reasons)) throw new Error('bad name lists');
  const old = oldColumns(raw, n);
  const visits = emptyVisitColumns(n);
  let called = 0;
  for (let i = 0; i < n; i++) if (old.counter[i] !== 0) called++;
  const services = emptyServiceColumns(called);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const outcome = old.outcome[i];
    visits.field[i] = old.service[i];
    // Format 1 kept only the field the ticket ended in.
    visits.issuedField[i] = old.service[i];
    visits.minute[i] = old.minute[i];
    visits.waitMs[i] = old.waitMs[i];
    visits.priority[i] = old.priority[i];
    visits.transfers[i] = old.transfers[i];
    visits.end[i] = outcome === OLD.served ? VisitEnd.served : outcome === OLD.noShow ? VisitEnd.absent : outcome === OLD.serving ? VisitEnd.serving : VisitEnd.unserved;
    if (old.counter[i] === 0) continue;
    services.visit[s] = i;
    services.field[s] = old.service[i];
    services.counter[s] = old.counter[i];
    services.staff[s] = old.staff[i];
    services.minute[s] = old.minute[i];
    // The wait of its last call was not kept; issue → first call is the closest it has.
    services.waitMs[s] = old.waitMs[i];
    services.durationMs[s] = old.serviceMs[i];
    services.end[s] =
      outcome === OLD.served ? ServiceEnd.finished : outcome === OLD.noShow ? ServiceEnd.absent : outcome === OLD.serving ? ServiceEnd.open : ServiceEnd.requeued;
    services.score[s] = old.score[i];
    services.reason[s] = old.reason[i];
    s++;
  }
  const upgraded: Omit<StoredSummary, 'format'> = {
    day: String(raw.day),
    visitCount: n,
    serviceCount: called,
    ...(typeof raw.journalBytes === 'number' ? { journalBytes: raw.journalBytes } : {}),
    fields: raw.services,
    staff: raw.staff,
    reasons: raw.reasons,
    outcomes: [],
    pauseReasons: [],
    visits: encodeColumns(visits),
    services: encodeColumns(services),
    presence: [],
    dossierCodes: [],
  };
  return upgraded as unknown as StoredDocument;
}
