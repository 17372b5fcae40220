// The report as the HTTP API returns it (JSON), the managers' app shows it and the exports lay it out.
// Times are in seconds; percentages are 0–100 of the rated tickets.

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
