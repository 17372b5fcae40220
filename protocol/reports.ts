// The report as the HTTP API returns it (JSON), the managers' app and the consoles show it and
// the exports lay it out. What each figure counts is in docs/reports.md. Times are in seconds;
// percentages are 0–100.
import type { Alert, PrinterState } from './events';
import type { CounterStatus } from './queue';

export interface TimeFigures {
  /** How many were measured. */
  count: number;
  averageSeconds: number | null;
  /** Middle value; for an even count, the mean of the two middle ones. */
  medianSeconds: number | null;
  /** Nearest rank: the smallest time at or under which 90% fall. */
  p90Seconds: number | null;
}

export interface LevelCount {
  score: number;
  label: string;
  count: number;
  /** Share of the rated services, 0–100; null when nobody rated. */
  percent: number | null;
}

export interface ReasonCount {
  reason: string;
  count: number;
}

export interface RatingFigures {
  rated: number;
  /** Finished services nobody rated. */
  notRated: number;
  /** Every configured level, best first, then any score no longer configured. */
  levels: LevelCount[];
  /** Reasons given with a low rating, most frequent first. */
  reasons: ReasonCount[];
}

/** Citizens who came: each ticket once, whatever happened to it. */
export interface VisitFigures {
  /** "lượt tiếp công dân tại Trụ sở Trung tâm". */
  visits: number;
  /** Its last service finished. */
  served: number;
  /** Its last service ended with "vắng mặt" and nobody called it again. */
  absent: number;
  /** Never called, or waiting again (transferred or put back) and not called by the end. */
  unserved: number;
  /** At a desk right now (only today's figures have any). */
  serving: number;
  /** Sent to another field or counter at least once. */
  transferred: number;
  priority: number;
  /** Issue → first call. */
  wait: TimeFigures;
}

export interface OutcomeCount {
  /** An outcome id, or "" for "chưa phân loại". */
  id: string;
  label: string;
  /** Finished services with this outcome. */
  count: number;
  /** Dossier codes typed with them. */
  dossiers: number;
}

/** The work done: each call a service, credited to the counter, officer and field that made it. */
export interface ServiceFigures extends WorkFigures {
  /** Finished services by what the visit was for, the configured list first, "chưa phân loại" last. */
  outcomes: OutcomeCount[];
  /** Ratings of the visits these services finished. */
  ratings: RatingFigures;
}

/** The work done without its outcomes and ratings: what an officer's day shows (byStaffDay). */
export interface WorkFigures {
  /** Calls (a recall is part of its call, not a new one). */
  services: number;
  finished: number;
  /** Transfers made (ended by sending the citizen elsewhere). */
  transfers: number;
  /** Ended with "vắng mặt", put back in the line or not. */
  absences: number;
  /** Of the absences, put back at the end of the line. */
  requeued: number;
  /** At the desk now. */
  open: number;
  recalls: number;
  /** Dossier codes typed at the finish. */
  dossiers: number;
  /** Call → end, of finished and transferred services. */
  serviceTime: TimeFigures;
  /** Joining the line → the call. */
  lineWait: TimeFigures;
  /** Calls whose line wait was at most the field's target. */
  withinTarget: number;
  /** withinTarget / lineWait.count, 0–100; null when no wait was measured. */
  serviceLevelPercent: number | null;
}

export interface PauseTime {
  reason: string;
  seconds: number;
}

/** An officer's (or a counter's) time: signed in = serving + idle + paused. */
export interface TimeAtCounter {
  signedInSeconds: number;
  servingSeconds: number;
  idleSeconds: number;
  pausedSeconds: number;
  /** Longest first. */
  pauses: PauseTime[];
}

export interface FieldRow {
  key: string;
  name: string;
  targetWaitMinutes: number;
  /** Visits that ended in this field. */
  visits: VisitFigures;
  /** Services given in this field. */
  services: ServiceFigures;
}

export interface CounterRow {
  key: string;
  name: string;
  services: ServiceFigures;
  time: TimeAtCounter;
}

/** An officer over the period. */
export type StaffRow = CounterRow;

/**
 * An officer on one day. Its table shows the work and the time, not outcomes or ratings (the
 * officer's row over the period has those): a year holds thousands of these rows.
 */
export interface StaffDayRow {
  /** `<staff id>|<YYYY-MM-DD>` */
  key: string;
  name: string;
  day: string;
  services: WorkFigures;
  time: TimeAtCounter;
}

export interface PeriodRow {
  key: string;
  name: string;
  /** Visits issued in it. */
  visits: VisitFigures;
  /** Services called in it. */
  services: ServiceFigures;
}

export interface DossierLine {
  code: string;
  day: string;
  /** Local HH:MM of the call. */
  time: string;
  counter: string;
  staff: string;
  field: string;
  outcome: string;
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
  /** Days summarised by an older release without their journal: no outcomes or officer time for them. */
  daysWithoutServices: number;
  totals: { visits: VisitFigures; services: ServiceFigures; time: TimeAtCounter };
  byField: FieldRow[];
  byCounter: CounterRow[];
  byStaff: StaffRow[];
  /** Each officer on each day they worked; on screen the period's latest only (a year of a
   *  centre is thousands), in the exports every one. */
  byStaffDay: StaffDayRow[];
  /** Officer-days earlier in the period than the first of `byStaffDay`, left out of it. */
  staffDaysLeftOut: number;
  byDay: PeriodRow[];
  byHour: PeriodRow[];
  /** The dossier codes typed, by day as typed; on screen the period's latest only (a year
   *  holds tens of thousands), in the exports every one. */
  dossiers: DossierLine[];
  /** Codes typed earlier in the period than the first of `dossiers`, left out of it. */
  dossiersLeftOut: number;
  /** Lines for the official report, ready to copy (Vietnamese number formatting). */
  sentences: string[];
}

/** One table of the exports: a sheet of the .xlsx, or one CSV file (`breakdown=`). */
export type ExportTable = 'summary' | 'field' | 'counter' | 'staff' | 'staff-day' | 'day' | 'hour' | 'outcome' | 'rating' | 'reason' | 'dossier';
export const EXPORT_TABLES: readonly ExportTable[] = ['summary', 'field', 'outcome', 'counter', 'staff', 'staff-day', 'day', 'hour', 'rating', 'reason', 'dossier'];

// Today at a glance (GET /api/reports/today) and one console's figures (GET /api/counters/:id/today).
export interface LiveField {
  serviceId: string;
  name: string;
  waiting: number;
  /** Time in line of the one waiting longest, since joining the line (issue, transfer, put back). */
  longestWaitSeconds: number | null;
  targetWaitMinutes: number;
  /** Waiting now for longer than the target. */
  overTarget: number;
  /** Visits that ended (so far) in this field, and the services given in it. */
  visits: VisitFigures;
  services: ServiceFigures;
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
  services: ServiceFigures;
  time: TimeAtCounter;
}

export interface LiveToday {
  day: string;
  at: number;
  waiting: number;
  longestWait: { seconds: number; label: string; serviceId: string } | null;
  fields: LiveField[];
  counters: LiveCounter[];
  staff: StaffRow[];
  totals: Report['totals'];
}

/** One console's figures: its counter and the officer signed in there, today. */
export interface CounterToday {
  day: string;
  at: number;
  counter: CounterRow;
  staff: StaffRow | null;
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
