// Today's wait estimates: the queue's committed events folded into each field's pace
// (server/core/line-pace.ts), with the same weekday's last four closed days as the fallback
// for fields that have not served enough citizens yet today.
import type { CentreConfig } from '@protocol/config';
import type { QueueEvent } from '@protocol/queue';
import { estimateWait, type WaitBasis, type WaitRange } from '@protocol/wait-estimate';
import { addDays } from '@protocol/calendar-days';
import { emptyPaceLog, fieldPaces, foldPace, type PaceHistory, type PaceLog } from '../core/line-pace';
import type { DaySummary } from '../reports/summary-columns';
import { ServiceEnd } from '../reports/day-facts';
import type { QueueService } from './queue-service';

const HISTORY_WEEKS = 4;
/** The basis is computed at most this often between events (phones and displays read it). */
const FRESH_MS = 10_000;
/** A ticket issued takes the turn the basis gave a ticket taken now, and those after it follow
 *  at the field's pace: after issues alone the basis is kept this long, so a burst of them is
 *  not played forward again for each. */
const ISSUES_FRESH_MS = 1_000;

export interface WaitEstimatesDeps {
  queue: QueueService;
  getConfig: () => CentreConfig;
  clock: () => number;
  /** Closed days' summaries (the report service's). */
  closedSummaries: (days: readonly string[]) => Promise<DaySummary[]>;
}

/** The mean service minutes per field over these days (services finished or transferred, not
 *  absences): a line's wait is a sum of services, which their mean predicts, not their median. */
export function historyFromSummaries(summaries: readonly DaySummary[]): PaceHistory {
  const minutes = new Map<string, number[]>();
  for (const s of summaries) {
    const c = s.services;
    for (let i = 0; i < c.field.length; i++) {
      if (c.durationMs[i] < 0 || (c.end[i] !== ServiceEnd.finished && c.end[i] !== ServiceEnd.transferred)) continue;
      const field = s.fields[c.field[i]];
      let list = minutes.get(field);
      if (!list) minutes.set(field, (list = []));
      list.push(c.durationMs[i] / 60_000);
    }
  }
  const serviceMinutes: Record<string, number> = {};
  for (const [field, xs] of minutes) serviceMinutes[field] = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { serviceMinutes };
}

export class WaitEstimates {
  private log: PaceLog = emptyPaceLog();
  private history: PaceHistory = { serviceMinutes: {} };
  private historyDay = '';
  private loading: Promise<void> = Promise.resolve();
  private cached: WaitBasis | undefined;

  constructor(private readonly deps: WaitEstimatesDeps) {
    deps.queue.onCommitted((events) => this.fold(events));
    deps.queue.onReset(() => this.refold());
    this.refold();
  }

  private fold(events: readonly QueueEvent[]): void {
    for (const e of events) this.log = foldPace(this.log, e, this.deps.queue.state);
    const issuesOnly = events.every((e) => e.type === 'ticket.issued');
    if (!issuesOnly || !this.cached || this.deps.clock() - this.cached.at > ISSUES_FRESH_MS) this.cached = undefined;
    if (events.some((e) => e.type === 'day.opened')) void this.loadHistory();
  }

  private refold(): void {
    this.log = emptyPaceLog();
    this.fold(this.deps.queue.todayEvents());
    void this.loadHistory();
  }

  /** Reads the same weekday's last closed days (once a day); until they are read, fields fall back to a default. */
  loadHistory(): Promise<void> {
    const today = this.deps.queue.state.day;
    if (today && today !== this.historyDay) {
      this.historyDay = today;
      const days = Array.from({ length: HISTORY_WEEKS }, (_, i) => addDays(today, -7 * (i + 1)));
      this.loading = this.deps
        .closedSummaries(days)
        .catch(() => [])
        .then((summaries) => {
          this.history = historyFromSummaries(summaries);
          this.cached = undefined;
        });
    }
    return this.loading;
  }

  /** Every field's pace now. */
  basis(): WaitBasis {
    const now = this.deps.clock();
    if (!this.cached || now - this.cached.at > FRESH_MS) {
      this.cached = { at: now, paces: fieldPaces(this.log, this.deps.queue.state, this.deps.getConfig(), this.history, now) };
    }
    return this.cached;
  }

  rangeFor(serviceId: string, ahead: number): WaitRange | undefined {
    return estimateWait(ahead, serviceId, this.basis());
  }
}
