// One simulated working day, produced by the real queue core: citizens take numbers,
// staff open counters, call, serve, mark absences (some put back, some come back later and
// are called by number), transfer to a field or a named colleague's counter, finish with an
// outcome and dossier codes, pause for lunch and close; citizens rate. Every event comes out
// of the core's decide(), so the journal is exactly what the server would write; alongside, the
// simulator writes down what it did in its own ledger (simulation-ledger.ts).
import type { CentreConfig, CounterConfig } from '@protocol/config';
import { isHoliday } from '@protocol/holidays';
import { applyEvent, emptyState, type QueueEvent } from '@protocol/queue';
import { decide, type Command, type Decision } from '../core/queue-core';
import { localClock, weekdayOf } from '../reports/calendar-days';
import type { Random } from './seeded-random';
import { CounterTimeTally, emptyLedger, type LedgerService, type LedgerServiceEnd, type LedgerVisit, type SimulationLedger } from './simulation-ledger';
import {
  ABSENCE_SHARES,
  DOSSIER_CODE_CHANCE,
  DOSSIER_CODE_COUNTS,
  FIELD_SHARES,
  HALF_HOUR_WEIGHTS,
  LUNCH_PAUSE_REASON,
  OTHER_FIELD_SHARE,
  OTHER_HALF_HOUR_WEIGHT,
  OTHER_OUTCOME_SHARE,
  OUTCOME_SHARES,
  OTHER_SERVICE_MINUTES,
  OVERTIME_MINUTES,
  RATES,
  RATING_SHARES,
  SERVICE_MINUTES,
  SERVICE_SIGMA,
  STEP_AWAY_MINUTES,
  STEP_AWAY_REASONS,
  UNCLASSIFIED_SHARE,
} from './simulation-profile';

const MINUTE = 60_000;
const SECOND = 1000;

interface Interval {
  start: number;
  end: number;
}

/** The day's opening intervals as epoch ms; none on a holiday or a day off. */
export function openingIntervals(config: CentreConfig, day: string): Interval[] {
  if (isHoliday(config.openingHours, day)) return [];
  const tz = config.centre.timeZone;
  return (config.openingHours.weekly[weekdayOf(day)] ?? []).map(([from, to]) => ({ start: localClock(day, from, tz), end: localClock(day, to, tz) }));
}

const fieldShare = (serviceId: string) => FIELD_SHARES[serviceId] ?? OTHER_FIELD_SHARE;

/**
 * Counters to open with the staff at hand: each pick favours fields nobody covers yet,
 * then the busiest fields' second counters. Fields left uncovered get no visitors.
 */
function chooseCounters(config: CentreConfig, staffCount: number): CounterConfig[] {
  const active = new Set(config.services.filter((s) => s.active).map((s) => s.id));
  const coverage = new Map<string, number>();
  const chosen: CounterConfig[] = [];
  const candidates = config.counters.filter((c) => c.active && c.serviceIds.some((id) => active.has(id)));
  while (chosen.length < staffCount && chosen.length < candidates.length) {
    let best: CounterConfig | undefined;
    let bestScore = -1;
    for (const c of candidates) {
      if (chosen.includes(c)) continue;
      const score = c.serviceIds.filter((id) => active.has(id)).reduce((s, id) => s + fieldShare(id) / (1 + (coverage.get(id) ?? 0)) ** 2, 0);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    chosen.push(best!);
    for (const id of best!.serviceIds) coverage.set(id, (coverage.get(id) ?? 0) + 1);
  }
  return chosen;
}

/** Arrival times: half hours drawn by weight (clipped to the opening intervals), uniform within. */
function arrivalTimes(intervals: Interval[], dayStart: number, visits: number, rng: Random): number[] {
  const slots: Interval[] = [];
  const weights: number[] = [];
  for (const iv of intervals) {
    for (let t = iv.start; t < iv.end; ) {
      const minuteOfDay = Math.round((t - dayStart) / MINUTE);
      const slotEnd = Math.min(iv.end, dayStart + (Math.floor(minuteOfDay / 30) + 1) * 30 * MINUTE);
      slots.push({ start: t, end: slotEnd });
      weights.push(((slotEnd - t) / (30 * MINUTE)) * (HALF_HOUR_WEIGHTS[Math.floor(minuteOfDay / 30) * 30] ?? OTHER_HALF_HOUR_WEIGHT));
      t = slotEnd;
    }
  }
  const times: number[] = [];
  for (let i = 0; i < visits; i++) {
    const slot = slots[rng.weighted(weights)];
    // Whole seconds, and never on the interval's last instant, so the kiosk is open.
    times.push(slot.start + Math.floor(rng.next() * ((slot.end - slot.start) / SECOND)) * SECOND);
  }
  return times.sort((a, b) => a - b);
}

/** A time-ordered agenda; equal times keep the order they were added in. */
class Agenda {
  private items: { at: number; order: number; run: (now: number) => void }[] = [];
  private order = 0;
  add(at: number, run: (now: number) => void): void {
    const item = { at, order: this.order++, run };
    const h = this.items;
    h.push(item);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (h[p].at < item.at || (h[p].at === item.at && h[p].order < item.order)) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }
  runAll(): void {
    const h = this.items;
    while (h.length > 0) {
      const top = h[0];
      const last = h.pop()!;
      if (h.length > 0) {
        h[0] = last;
        for (let i = 0; ; ) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          const less = (a: number, b: number) => h[a].at < h[b].at || (h[a].at === h[b].at && h[a].order < h[b].order);
          if (l < h.length && less(l, m)) m = l;
          if (r < h.length && less(r, m)) m = r;
          if (m === i) break;
          [h[m], h[i]] = [h[i], h[m]];
          i = m;
        }
      }
      top.run(top.at);
    }
  }
}

export interface DayPlan {
  day: string;
  visits: number;
  config: CentreConfig;
  staffIds: readonly string[];
  rng: Random;
  /** Where the simulator writes down what it did (its own count, for the report tests). */
  ledger?: SimulationLedger;
}

type CounterMode = 'closed' | 'idle' | 'busy' | 'paused';

/** A citizen as the simulator follows them, apart from the queue's own state. */
interface Citizen {
  visit: LedgerVisit;
  inLine: boolean;
  lineSince: number;
  service?: LedgerService;
}

/** The events of one simulated day, in order, numbered from 1 (day.opened). */
export function simulateDay({ day, visits, config, staffIds, rng, ledger = emptyLedger() }: DayPlan): QueueEvent[] {
  const intervals = openingIntervals(config, day);
  if (intervals.length === 0) return [];
  const tz = config.centre.timeZone;
  const dayStart = localClock(day, '00:00', tz);
  const hourOf = (at: number) => Math.floor((at - dayStart) / 3_600_000);
  const lastEnd = intervals[intervals.length - 1].end;
  const state = emptyState(day);
  const events: QueueEvent[] = [];
  const agenda = new Agenda();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const newId = () => Array.from({ length: 12 }, () => alphabet[rng.int(0, 63)]).join('');

  const run = (now: number, cmd: Command): Decision => {
    if (events.length === 0) {
      // The server opens a day with its first command.
      const opened: QueueEvent = { type: 'day.opened', day, counters: [], seq: 1, at: now };
      applyEvent(state, opened);
      events.push(opened);
    }
    const decision = decide(state, cmd, { now, config, newId });
    if (decision.ok) for (const e of decision.events) applyEvent(state, e);
    if (decision.ok) events.push(...decision.events);
    return decision;
  };
  const must = (now: number, cmd: Command): Decision => {
    const d = run(now, cmd);
    if (!d.ok) throw new Error(`simulator: ${cmd.type} at ${new Date(now).toISOString()} refused (${d.code})`);
    return d;
  };

  const counters = chooseCounters(config, staffIds.length);
  const staff = rng.shuffle(staffIds);
  const staffAt = new Map(counters.map((c, i) => [c.id, staff[i]]));
  const tally = new Map(counters.map((c) => [c.id, new CounterTimeTally(ledger, day, c.id)]));
  const citizens = new Map<string, Citizen>();
  /** Citizens marked absent who come back later and ask to be called: per field, in return order. */
  const returning = new Map<string, { ticketId: string; label: string; at: number }[]>();
  const coveredFields = config.services.filter((s) => s.active && counters.some((c) => c.serviceIds.includes(s.id))).map((s) => s.id);
  const mode = new Map<number, CounterMode>(counters.map((c) => [c.id, 'closed']));
  const levels = [...config.rating.levels].sort((a, b) => b.score - a.score);
  const levelWeights = levels.map((_, i) =>
    i === levels.length - 1 ? RATING_SHARES.worst : i === 0 ? 1 - RATING_SHARES.worst - RATING_SHARES.middle * (levels.length - 2) : RATING_SHARES.middle,
  );
  const outcomeIds = config.outcomes.map((o) => o.id);
  const outcomeWeights = [...outcomeIds.map((id) => OUTCOME_SHARES[id] ?? OTHER_OUTCOME_SHARE), UNCLASSIFIED_SHARE];
  let dossierSeq = 0;

  const inBreak = (now: number) => intervals.some((iv, i) => now >= iv.end && i + 1 < intervals.length && now < intervals[i + 1].start);
  const nextStart = (now: number) => intervals.find((iv) => iv.start > now)!.start;

  /** Writes down a call the queue accepted: a new service of this counter's officer. */
  const called = (counter: CounterConfig, ticketId: string, now: number): Citizen => {
    const citizen = citizens.get(ticketId)!;
    citizen.visit.firstCallAt ??= now;
    citizen.service = {
      day,
      counter: counter.id,
      staff: staffAt.get(counter.id)!,
      field: citizen.visit.field,
      calledAt: now,
      hour: hourOf(now),
      ...(citizen.inLine ? { lineWaitMs: now - citizen.lineSince } : {}),
      end: 'open',
      dossierCodes: [],
      recalls: 0,
    };
    ledger.services.push(citizen.service);
    citizen.inLine = false;
    citizen.visit.end = 'unserved';
    tally.get(counter.id)!.desk(now, true);
    return citizen;
  };
  const ended = (counter: CounterConfig, citizen: Citizen, now: number, end: LedgerServiceEnd) => {
    citizen.service!.end = end;
    citizen.service!.endedAt = now;
    tally.get(counter.id)!.desk(now, false);
  };
  const joinLine = (citizen: Citizen, now: number) => {
    citizen.inLine = true;
    citizen.lineSince = now;
    citizen.visit.end = 'unserved';
  };

  const ready = (counter: CounterConfig, now: number) => {
    if (now >= lastEnd) {
      const call = now < lastEnd + OVERTIME_MINUTES * MINUTE ? run(now, { type: 'call-next', counterId: counter.id }) : undefined;
      if (call?.ok) return serve(counter, call.ticketId!, now);
      closeCounter(counter, now);
      return;
    }
    // A citizen who was absent and came back is called by their number first.
    const back = counter.serviceIds.flatMap((id) => returning.get(id) ?? []).find((r) => r.at <= now);
    if (back) {
      for (const line of returning.values()) {
        const i = line.indexOf(back);
        if (i >= 0) line.splice(i, 1);
      }
      const call = run(now, { type: 'call-number', counterId: counter.id, label: back.label });
      if (call.ok) return serve(counter, call.ticketId!, now);
    }
    const call = run(now, { type: 'call-next', counterId: counter.id });
    if (call.ok) return serve(counter, call.ticketId!, now);
    if (inBreak(now)) return pauseForBreak(counter, now);
    mode.set(counter.id, 'idle');
  };

  const closeCounter = (counter: CounterConfig, now: number) => {
    must(now, { type: 'close', counterId: counter.id });
    tally.get(counter.id)!.signOut(now);
    mode.set(counter.id, 'closed');
  };

  const pauseForBreak = (counter: CounterConfig, now: number) => {
    must(now, { type: 'pause', counterId: counter.id, reason: LUNCH_PAUSE_REASON });
    tally.get(counter.id)!.pause(now, LUNCH_PAUSE_REASON);
    mode.set(counter.id, 'paused');
    agenda.add(nextStart(now) + rng.int(0, 300) * SECOND, (t) => {
      must(t, { type: 'resume', counterId: counter.id });
      tally.get(counter.id)!.resume(t);
      ready(counter, t);
    });
  };

  const afterService = (counter: CounterConfig, at: number) => {
    if (at < lastEnd && !inBreak(at) && rng.chance(RATES.stepAway)) return stepAway(counter, at);
    agenda.add(at + rng.int(10, 40) * SECOND, (t) => ready(counter, t));
  };

  /** Between two citizens the officer leaves the desk for a while: a dossier to process, a meeting. */
  const stepAway = (counter: CounterConfig, now: number) => {
    const reason = STEP_AWAY_REASONS[rng.int(0, STEP_AWAY_REASONS.length - 1)];
    must(now, { type: 'pause', counterId: counter.id, reason });
    tally.get(counter.id)!.pause(now, reason);
    mode.set(counter.id, 'paused');
    agenda.add(now + rng.int(STEP_AWAY_MINUTES.min * 60, STEP_AWAY_MINUTES.max * 60) * SECOND, (t) => {
      must(t, { type: 'resume', counterId: counter.id });
      tally.get(counter.id)!.resume(t);
      ready(counter, t);
    });
  };

  const serve = (counter: CounterConfig, ticketId: string, now: number) => {
    mode.set(counter.id, 'busy');
    const citizen = called(counter, ticketId, now);
    if (rng.chance(RATES.noShow)) return absent(counter, citizen, ticketId, now);
    const otherFields = coveredFields.filter((id) => id !== citizen.visit.field);
    if (otherFields.length > 0 && rng.chance(RATES.transfer)) {
      agenda.add(now + rng.int(60, 300) * SECOND, (t) => {
        const toServiceId = otherFields[rng.weighted(otherFields.map(fieldShare))];
        // Some go to a named colleague: a counter of that field that is open now.
        const colleagues = counters.filter((c) => c.id !== counter.id && c.serviceIds.includes(toServiceId) && mode.get(c.id) !== 'closed');
        const toCounter = colleagues.length > 0 && rng.chance(RATES.transferToCounter) ? colleagues[rng.int(0, colleagues.length - 1)] : undefined;
        must(t, { type: 'transfer', counterId: counter.id, toServiceId, ...(toCounter ? { toCounterId: toCounter.id } : {}) });
        ended(counter, citizen, t, 'transferred');
        citizen.visit.field = toServiceId;
        citizen.visit.transfers++;
        joinLine(citizen, t);
        if (toCounter) {
          if (mode.get(toCounter.id) === 'idle') {
            mode.set(toCounter.id, 'busy');
            agenda.add(t + rng.int(5, 20) * SECOND, (t2) => ready(toCounter, t2));
          }
        } else wake(toServiceId, t);
        afterService(counter, t);
      });
      return;
    }
    const minutes = Math.min(60, Math.max(0.7, rng.lognormal(SERVICE_MINUTES[citizen.visit.field] ?? OTHER_SERVICE_MINUTES, SERVICE_SIGMA)));
    agenda.add(now + Math.round(minutes * 60) * SECOND, (t) => {
      const pick = rng.weighted(outcomeWeights);
      const outcome = pick < outcomeIds.length ? outcomeIds[pick] : undefined;
      const codes = outcome !== undefined && rng.chance(DOSSIER_CODE_CHANCE[outcome] ?? 0) ? dossierCodes(counter, t) : [];
      must(t, { type: 'finish', counterId: counter.id, ...(outcome ? { outcome } : {}), ...(codes.length > 0 ? { dossierCodes: codes } : {}) });
      ended(counter, citizen, t, 'finished');
      if (outcome) citizen.service!.outcome = outcome;
      citizen.service!.dossierCodes = codes;
      citizen.visit.end = 'served';
      rate(counter, ticketId, citizen.service!, t);
      afterService(counter, t);
    });
  };

  const absent = (counter: CounterConfig, citizen: Citizen, ticketId: string, now: number) => {
    agenda.add(now + 45 * SECOND, (t) => {
      must(t, { type: 'recall', counterId: counter.id });
      citizen.service!.recalls++;
    });
    agenda.add(now + 90 * SECOND, (t) => {
      const requeue = rng.chance(ABSENCE_SHARES.requeue);
      must(t, { type: 'no-show', counterId: counter.id, requeue });
      ended(counter, citizen, t, requeue ? 'requeued' : 'absent');
      if (requeue) joinLine(citizen, t);
      else {
        citizen.visit.end = 'absent';
        if (rng.chance(ABSENCE_SHARES.comesBack)) {
          const field = citizen.visit.field;
          const line = returning.get(field) ?? [];
          line.push({ ticketId, label: state.tickets[ticketId].label, at: t + rng.int(3, 20) * MINUTE });
          returning.set(field, line);
        }
      }
      ready(counter, t);
    });
  };

  const dossierCodes = (counter: CounterConfig, now: number): string[] => {
    const n = 1 + rng.weighted(DOSSIER_CODE_COUNTS);
    const yymmdd = day.slice(2).replaceAll('-', '');
    return Array.from({ length: n }, () => `000.00.${String(counter.id).padStart(2, '0')}.H23-${yymmdd}-${String(++dossierSeq).padStart(4, '0')}`);
  };

  const rate = (counter: CounterConfig, ticketId: string, service: LedgerService, finishedAt: number) => {
    if (!rng.chance(RATES.rated)) {
      agenda.add(finishedAt + config.rating.promptSeconds * SECOND, (t) => run(t, { type: 'expire-rating', ticketId }));
      return;
    }
    const level = levels[rng.weighted(levelWeights)];
    const reasons = config.rating.reasons;
    const reason = level.asksReason && reasons.length > 0 ? reasons[rng.int(0, reasons.length - 1)] : undefined;
    agenda.add(finishedAt + rng.int(3, Math.min(25, config.rating.promptSeconds - 1)) * SECOND, (t) => {
      must(t, { type: 'rate', ticketId, score: level.score, ...(reason ? { reason } : {}), via: 'terminal', fromCounterId: counter.id });
      service.score = level.score;
      if (reason) service.reason = reason;
    });
  };

  /** Idle counters that serve the field notice the new ticket after a few seconds. */
  const wake = (serviceId: string, now: number) => {
    for (const c of counters) {
      if (mode.get(c.id) !== 'idle' || !c.serviceIds.includes(serviceId)) continue;
      mode.set(c.id, 'busy');
      agenda.add(now + rng.int(5, 20) * SECOND, (t) => ready(c, t));
    }
  };

  counters.forEach((counter) => {
    agenda.add(intervals[0].start - rng.int(60, 900) * SECOND, (t) => {
      must(t, { type: 'open', counterId: counter.id, staffId: staffAt.get(counter.id)! });
      tally.get(counter.id)!.signIn(t, staffAt.get(counter.id)!);
      ready(counter, t);
    });
    // A counter with nobody waiting at a break pauses; a busy one pauses when it runs out of work.
    intervals.slice(0, -1).forEach((iv) =>
      agenda.add(iv.end + rng.int(0, 120) * SECOND, (t) => {
        if (mode.get(counter.id) === 'idle') pauseForBreak(counter, t);
      }),
    );
    // At closing time an idle counter closes; a busy one closes when it runs out of work.
    agenda.add(lastEnd + rng.int(0, 600) * SECOND, (t) => {
      if (mode.get(counter.id) === 'idle') closeCounter(counter, t);
    });
  });

  const shares = coveredFields.map(fieldShare);
  const priorityCategories = config.priorityCategories;
  for (const at of arrivalTimes(intervals, dayStart, visits, rng)) {
    agenda.add(at, (t) => {
      const priority = rng.chance(RATES.priority);
      const category = priority && priorityCategories.length > 0 ? priorityCategories[rng.int(0, priorityCategories.length - 1)].id : undefined;
      // A field at its daily cap sends the citizen to the next busiest field.
      const first = rng.weighted(shares);
      const order = [coveredFields[first], ...coveredFields.filter((_, i) => i !== first)];
      for (const serviceId of order) {
        const issued = run(t, {
          type: 'issue',
          serviceId,
          priority,
          ...(category ? { priorityCategoryId: category } : {}),
          source: 'kiosk',
        });
        if (issued.ok) {
          const visit: LedgerVisit = { day, issuedField: serviceId, field: serviceId, issuedAt: t, hour: hourOf(t), priority, transfers: 0, end: 'unserved' };
          ledger.visits.push(visit);
          citizens.set(issued.ticketId!, { visit, inLine: true, lineSince: t });
          wake(serviceId, t);
          break;
        }
      }
    });
  }
  agenda.runAll();
  return events;
}
