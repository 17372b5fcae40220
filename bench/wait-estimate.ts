// The wait estimate's accuracy on simulated days (`npm run bench -- waits`): for every ticket
// the kiosk issued, the range it would have printed against the wait that really followed
// (issue → first call), beside Berlin ZMS's formula (average service time ÷ open counters,
// × 0.8) computed on the same days from the same service times; and that every range printed
// keeps the width rule (no wider than 10 minutes or half its midpoint, whichever is larger).
import type { CentreConfig } from '@protocol/config';
import { sampleCentre } from '@protocol/sample-centre';
import { applyEvent, emptyState, waitingAhead, type QueueEvent, type QueueState } from '@protocol/queue';
import { expectedWaitMinutes, rangeAround } from '@protocol/wait-estimate';
import { emptyPaceLog, fieldPaces, foldPace, type PaceHistory, type PaceLog } from '../server/core/line-pace';
import { daysFrom, weekdayOf } from '../server/reports/calendar-days';
import { hashSeed, seededRandom } from '../server/simulator/seeded-random';
import { SIMULATED_STAFF, visitsPerDay } from '../server/simulator/simulate';
import { simulateDay } from '../server/simulator/simulate-day';
import type { Figure } from './stats';

/** Four weeks of a busy ward (about 190 visits a weekday); the first two are only history. */
const FROM = '2026-03-02';
const MEASURE_FROM = '2026-03-16';
const TO = '2026-03-28';
const VISITS = 4300;

export interface EstimateSample {
  actual: number;
  /** Our expected minutes, the range printed around it, and ZMS's figure. */
  expected: number;
  low: number;
  high: number;
  zms: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[s.length >> 1] : (s[(s.length >> 1) - 1] + s[s.length >> 1]) / 2;
}

/** ZMS: the field's average service time over the counters open for it, shown at 0.8×. */
function zmsMinutes(state: QueueState, config: CentreConfig, serviceId: string, ahead: number, averageService: number): number {
  const open = config.counters.filter((c) => c.active && c.serviceIds.includes(serviceId) && state.counters[c.id]?.status === 'open').length;
  return (0.8 * ahead * averageService) / Math.max(1, open);
}

/** Minutes of each service (finished or transferred, not absences) as the events go, per field. */
class ServiceTimes {
  readonly minutes: Record<string, number[]> = {};
  private serving = new Map<string, { at: number; serviceId: string }>();
  /** `state` before the event. */
  fold(e: QueueEvent, state: QueueState): void {
    if (e.type === 'ticket.called') {
      this.end(e.ticketId, e.at);
      this.serving.set(e.ticketId, { at: e.at, serviceId: state.tickets[e.ticketId].serviceId });
    } else if (e.type === 'ticket.finished' || e.type === 'ticket.transferred') this.end(e.ticketId, e.at);
    else if (e.type === 'ticket.no-show') this.serving.delete(e.ticketId);
  }
  private end(ticketId: string, at: number): void {
    const open = this.serving.get(ticketId);
    if (!open) return;
    this.serving.delete(ticketId);
    (this.minutes[open.serviceId] ??= []).push((at - open.at) / 60_000);
  }
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Every issued ticket of one day with the range ours printed, ZMS's figure, and the wait that followed. */
export function estimateDay(day: string, events: readonly QueueEvent[], config: CentreConfig, history: PaceHistory): EstimateSample[] {
  const state = emptyState(day);
  let log: PaceLog = emptyPaceLog();
  const times = new ServiceTimes();
  const pending = new Map<string, Omit<EstimateSample, 'actual'> & { at: number }>();
  const samples: EstimateSample[] = [];
  for (const e of events) {
    log = foldPace(log, e, state);
    times.fold(e, state);
    applyEvent(state, e);
    if (e.type === 'ticket.issued') {
      const ahead = waitingAhead(state, e.ticket.id);
      const paces = fieldPaces(log, state, config, history, e.at);
      const expected = expectedWaitMinutes(ahead, paces[e.ticket.serviceId]);
      const range = rangeAround(expected);
      // ZMS: today's average service once there are five, else the weekday's, else 8 minutes.
      const today = times.minutes[e.ticket.serviceId] ?? [];
      const average = today.length >= 5 ? mean(today) : (history.serviceMinutes[e.ticket.serviceId] ?? 8);
      pending.set(e.ticket.id, { at: e.at, expected, ...range, zms: zmsMinutes(state, config, e.ticket.serviceId, ahead, average) });
    } else if (e.type === 'ticket.called') {
      const p = pending.get(e.ticketId);
      if (!p) continue;
      pending.delete(e.ticketId);
      samples.push({ actual: (e.at - p.at) / 60_000, expected: p.expected, low: p.low, high: p.high, zms: p.zms });
    }
  }
  return samples;
}

/** Mean service minutes per field over the given days' events (services finished or
 *  transferred, not absences), as the server reads them from the day summaries. */
export function historyOf(days: readonly QueueEvent[][]): PaceHistory {
  const minutes: Record<string, number[]> = {};
  for (const events of days) {
    const state = emptyState('');
    const times = new ServiceTimes();
    for (const e of events) {
      times.fold(e, state);
      applyEvent(state, e);
    }
    for (const [id, xs] of Object.entries(times.minutes)) (minutes[id] ??= []).push(...xs);
  }
  return { serviceMinutes: Object.fromEntries(Object.entries(minutes).map(([id, xs]) => [id, mean(xs)])) };
}

export interface Accuracy {
  tickets: number;
  inside: number;
  ourError: number;
  zmsError: number;
  /** Share of the ranges no wider than 10 minutes or half their midpoint, whichever is larger. */
  widthRule: number;
  /** Share inside among the tickets told 10 minutes or more (the part that is not "dưới 10 phút"). */
  insideLong: number;
  actualMedian: number;
  actualP90: number;
}

export function accuracy(samples: readonly EstimateSample[]): Accuracy {
  const inside = samples.filter((s) => s.actual >= s.low && s.actual <= s.high).length;
  const sorted = samples.map((s) => s.actual).sort((a, b) => a - b);
  const long = samples.filter((s) => s.low > 0);
  return {
    tickets: samples.length,
    inside: inside / samples.length,
    ourError: median(samples.map((s) => Math.abs(s.actual - s.expected))),
    zmsError: median(samples.map((s) => Math.abs(s.actual - s.zms))),
    widthRule: samples.filter((s) => s.high - s.low <= Math.max(10, (s.low + s.high) / 4)).length / samples.length,
    insideLong: long.filter((s) => s.actual >= s.low && s.actual <= s.high).length / long.length,
    actualMedian: median(sorted),
    actualP90: sorted[Math.floor(sorted.length * 0.9)],
  };
}

export function simulatedSamples(): EstimateSample[] {
  const config = sampleCentre;
  const plan = visitsPerDay(config, daysFrom(FROM, TO), VISITS, 1);
  const byWeekday = new Map<number, QueueEvent[][]>();
  const samples: EstimateSample[] = [];
  for (const [day, visits] of plan) {
    if (visits === 0) continue;
    const events = simulateDay({ day, visits, config, staffIds: SIMULATED_STAFF, rng: seededRandom(hashSeed(`waits:${day}`)) });
    const earlier = byWeekday.get(weekdayOf(day)) ?? [];
    if (day >= MEASURE_FROM) samples.push(...estimateDay(day, events, config, historyOf(earlier)));
    byWeekday.set(weekdayOf(day), [...earlier, events]);
  }
  return samples;
}

export async function benchWaitEstimate(): Promise<Figure[]> {
  const a = accuracy(simulatedSamples());
  return [
    { name: `tickets measured (${MEASURE_FROM}…${TO}, simulated)`, value: a.tickets, unit: '' },
    { name: 'actual wait, median', value: a.actualMedian, unit: 'min' },
    { name: 'actual wait, p90', value: a.actualP90, unit: 'min' },
    { name: 'share of actual waits inside the printed range', value: a.inside * 100, unit: '%', target: `≥ 80 (${(a.inside * 100).toFixed(1)} %)` },
    { name: '…of those told 10 min or more', value: a.insideLong * 100, unit: '%', target: `(${(a.insideLong * 100).toFixed(1)} %)` },
    { name: 'ranges no wider than max(10 min, midpoint/2)', value: a.widthRule * 100, unit: '%', target: '≥ 100' },
    { name: 'median absolute error, ours', value: a.ourError, unit: 'min', target: `≤ ${a.zmsError.toFixed(1)} (ZMS)` },
    { name: 'median absolute error, ZMS (avg service ÷ counters × 0.8)', value: a.zmsError, unit: 'min' },
  ];
}
