// Today at a glance for managers, and each console's own figures: who waits where and for
// how long, what each counter is doing, and the day's figures so far. The figures are the
// period report's (buildReport over today's summary), so the dashboard, the consoles and a
// report of today cannot disagree.
import type { CentreConfig } from '@protocol/config';
import { targetWaitMinutes } from '@protocol/target-wait';
import type { QueueState } from '@protocol/queue';
import { buildReport } from './build-report';
import type { DaySummary } from './day-summary';
import type { CounterRow, CounterToday, LiveCounter, LiveField, LiveToday, Report } from '@protocol/reports';

export function todayReport(day: string, summary: DaySummary, config: CentreConfig, now: number, staff: readonly { id: string; name: string }[]): Report {
  return buildReport({ from: day, to: day, summaries: [summary], config, staff, now, includesToday: true });
}

export function liveToday(state: QueueState, report: Report, config: CentreConfig, now: number, staff: readonly { id: string; name: string }[] = []): LiveToday {
  const byCounter = new Map(report.byCounter.map((r) => [r.key, r]));
  const staffName = new Map(staff.map((m) => [m.id, m.name]));

  let longestWait: LiveToday['longestWait'] = null;
  const lineFigures = (serviceId: string) => {
    const target = targetWaitMinutes(config, serviceId);
    let longest: number | null = null;
    let overTarget = 0;
    for (const id of state.waiting[serviceId] ?? []) {
      const t = state.tickets[id];
      const seconds = Math.max(0, (now - t.lineSince) / 1000);
      if (longest === null || seconds > longest) longest = seconds;
      if (seconds > target * 60) overTarget++;
      if (!longestWait || seconds > longestWait.seconds) longestWait = { seconds, label: t.label, serviceId };
    }
    return { waiting: state.waiting[serviceId]?.length ?? 0, longestWaitSeconds: longest, targetWaitMinutes: target, overTarget };
  };
  const fields: LiveField[] = report.byField.map((row) => ({ serviceId: row.key, name: row.name, ...lineFigures(row.key), visits: row.visits, services: row.services }));
  // Waiting tickets of a field the report has no row for (the state ran ahead of it) still
  // wait; the field's own figures are not known yet, so they read as zero, never as the centre's.
  const known = new Set(fields.map((f) => f.serviceId));
  for (const [serviceId, line] of Object.entries(state.waiting)) {
    if (line.length === 0 || known.has(serviceId)) continue;
    const zero = emptyFigures(report, config);
    fields.push({ serviceId, name: config.services.find((s) => s.id === serviceId)?.name ?? serviceId, ...lineFigures(serviceId), visits: zero.visits, services: zero.services });
  }

  const counterIds = new Set([...config.counters.filter((c) => c.active).map((c) => c.id), ...Object.keys(state.counters).map(Number)]);
  const counters: LiveCounter[] = [...counterIds]
    .sort((a, b) => a - b)
    .map((id) => {
      const cs = state.counters[id];
      const row = byCounter.get(String(id)) ?? emptyCounterRow(report, id, config);
      const current = cs?.currentTicketId ? state.tickets[cs.currentTicketId] : undefined;
      return {
        id,
        name: row.name,
        status: cs?.status ?? 'closed',
        ...(cs?.staffId ? { staffId: cs.staffId, staffName: staffName.get(cs.staffId) ?? cs.staffId } : {}),
        ...(cs?.pauseReason ? { pauseReason: cs.pauseReason } : {}),
        ...(current ? { currentLabel: current.label, currentSeconds: Math.max(0, (now - (current.calledAt ?? now)) / 1000) } : {}),
        services: row.services,
        time: row.time,
      };
    });

  return {
    day: report.from,
    at: now,
    waiting: fields.reduce((sum, f) => sum + f.waiting, 0),
    longestWait,
    fields,
    counters,
    staff: report.byStaff,
    totals: report.totals,
  };
}

/** Every figure zero, from the report's own empty shape. */
function emptyFigures(report: Report, config: CentreConfig): Report['totals'] {
  return buildReport({ from: report.from, to: report.to, summaries: [], config, staff: [], now: report.generatedAt, includesToday: true }).totals;
}

/** A counter with nothing today. */
function emptyCounterRow(report: Report, id: number, config: CentreConfig): CounterRow {
  const zero = emptyFigures(report, config);
  return { key: String(id), name: config.counters.find((c) => c.id === id)?.name ?? `Quầy ${id}`, services: zero.services, time: zero.time };
}

export function counterToday(state: QueueState, report: Report, config: CentreConfig, counterId: number, now: number): CounterToday {
  const counter = report.byCounter.find((r) => r.key === String(counterId)) ?? emptyCounterRow(report, counterId, config);
  const staffId = state.counters[counterId]?.staffId;
  const staff = staffId ? (report.byStaff.find((r) => r.key === staffId) ?? null) : null;
  return { day: report.from, at: now, counter, staff };
}
