// The report as the HTTP API returns it (JSON), the managers' app shows it and the exports lay it out.
// Times are in seconds; percentages are 0–100 of the rated tickets.
import type { Alert, PrinterState } from './events';
import type { CounterStatus } from './queue';

export interface TimeFigures {
  /** Tickets measured: waits of called tickets, service times of served ones. */
  count: number;
  averageSeconds: number | null;
  /** Middle value; for an even count, the mean of the two middle ones. */
  medianSeconds: number | null;
  /** Nearest rank: the smallest time at or under which 90% of the tickets fall. */
  p90Seconds: number | null;
}

export interface LevelCount {
  score: number;
  label: string;
  count: number;
  /** Share of the rated tickets, 0–100; null when nobody rated. */
  percent: number | null;
}

export interface ReasonCount {
  reason: string;
  count: number;
}

export interface RatingFigures {
  rated: number;
  /** Served tickets nobody rated. */
  notRated: number;
  /** Every configured level, best first, then any score no longer configured. */
  levels: LevelCount[];
  /** Reasons given with a low rating, most frequent first. */
  reasons: ReasonCount[];
}

export interface Figures {
  /** Tickets issued: "lượt tiếp công dân tại Trụ sở Trung tâm". */
  visits: number;
  served: number;
  /** Called and marked absent, and not served later. */
  noShows: number;
  /** Never called, or put back in line and not called again, by the end of the day. */
  unserved: number;
  /** At a counter right now (only today's figures have any). */
  serving: number;
  /** Tickets sent to another field or counter at least once. */
  transferred: number;
  priority: number;
  /** Issue → first call. */
  wait: TimeFigures;
  /** Last call → finish. */
  service: TimeFigures;
  ratings: RatingFigures;
}

export type BreakdownKind = 'field' | 'counter' | 'staff' | 'day' | 'hour';

/**
 * One line of a breakdown. A ticket counts in the field it ended in (after transfers),
 * at the counter and with the staff member of its last call, on its day and in the hour it was issued.
 */
export interface BreakdownRow extends Figures {
  key: string;
  name: string;
}

export interface Report {
  from: string;
  to: string;
  centreName: string;
  generatedAt: number;
  /** Today's live queue is part of the figures (they will still change). */
  includesToday: boolean;
  /** Days in the range with at least one event. */
  daysWithData: number;
  totals: Figures;
  byField: BreakdownRow[];
  byCounter: BreakdownRow[];
  byStaff: BreakdownRow[];
  byDay: BreakdownRow[];
  byHour: BreakdownRow[];
  /** Lines for the official report, ready to copy (Vietnamese number formatting). */
  sentences: string[];
}

/** One table of the exports: a sheet of the .xlsx, or one CSV file (`breakdown=`). */
export type ExportTable = 'summary' | BreakdownKind | 'rating' | 'reason';
export const EXPORT_TABLES: readonly ExportTable[] = ['summary', 'field', 'counter', 'staff', 'day', 'hour', 'rating', 'reason'];

// Today at a glance (GET /api/reports/today).
export interface LiveField {
  serviceId: string;
  name: string;
  waiting: number;
  /** Time in line of the one waiting longest (since issue, or since put back after a no-show). */
  longestWaitSeconds: number | null;
  issued: number;
  served: number;
}

export interface LiveCounter {
  id: number;
  name: string;
  status: CounterStatus;
  staffId?: string;
  staffName?: string;
  pauseReason?: string;
  currentLabel?: string;
  /** Since the current ticket was (last) called. */
  currentSeconds?: number;
  served: number;
  noShows: number;
}

export interface LiveToday {
  day: string;
  at: number;
  waiting: number;
  longestWait: { seconds: number; label: string; serviceId: string } | null;
  fields: LiveField[];
  counters: LiveCounter[];
  /** Issued, served, no-shows, wait and service times, ratings so far. */
  figures: Figures;
}

/** GET /api/reports/today: the live view with the alerts and the printer's state. */
export type TodayReport = LiveToday & { alerts: Alert[]; printer: PrinterState };

// Reporting periods (GET /api/reports/presets); server/reports/periods.ts computes them.
export type PeriodKind =
  | 'month'
  | 'quarter'
  | 'half'
  | 'nine-months'
  | 'year'
  | 'calendar-month'
  | 'calendar-quarter'
  | 'calendar-year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 1 for nine-months and years. */
  index: number;
  from: string;
  to: string;
  /** What a manager picks from: "Quý I/2026 (15/12/2025 – 14/03/2026)". */
  label: string;
}
