// Plain answers about the centre as it is now, for integrations and the managers' app.
import type { CallRecord, CounterStatus } from './queue';
import type { PrinterState } from './events';

/** GET /api/health: whether the server runs, and where tickets go. */
export interface Health {
  status: 'ok';
  day: string;
  seq: number;
  printer: PrinterState;
  /** Where tickets go (QMS_PRINTER or the configuration); a printer address is no secret on the centre's LAN. */
  printerConnection: string;
  time: number;
}

/** GET /api/state: fields with waiting counts, counters with their current ticket. */
export interface PublicState {
  day: string;
  services: { id: string; name: string; waiting: number; active: boolean }[];
  counters: { id: number; name: string; status: CounterStatus; staffId: string | null; current: { ticketId: string; label: string; serviceId: string } | null }[];
  recentCalls: CallRecord[];
}

/** One line of the audit log: who did what and when (never a password or a token). */
export interface AuditEntry {
  at: number;
  who: string;
  what: string;
  detail?: unknown;
}

/** A backup archive kept in the data folder. */
export interface BackupInfo {
  name: string;
  size: number;
  createdAt: number;
}

export interface RestoreAnswer {
  ok: true;
  /** Where the data the restore replaced was kept. */
  keptPreviousIn: string;
}

/** Where the daily backups are copied besides the data folder, and how the last copy went. */
export interface SecondLocationStatus {
  /** The folder configured; empty when there is none. */
  location: string;
  /** The newest archive known to be whole at the location, and when it was copied there. */
  lastGoodCopy: { name: string; at: number; bytes: number } | null;
  /** The last attempt's failure, until a copy succeeds again. */
  problem: { at: number; message: string } | null;
}
