// Today at a glance for managers: who waits where and for how long, what each counter is
// doing, and the day's figures so far (the same figures a period report gives).
import type { CentreConfig } from '@protocol/config';
import type { QueueState } from '@protocol/queue';
import { localDay } from '@protocol/local-time';
import { buildReport } from './build-report';
import { summarizeState } from './day-summary';
import type { LiveCounter, LiveField, LiveToday } from '@protocol/reports';

export function liveToday(state: QueueState, config: CentreConfig, now: number, staff: readonly { id: string; name: string }[] = []): LiveToday {
  // Before the queue has opened its day, the state has no day yet: it is today, and empty.
  const day = state.day || localDay(now, config.centre.timeZone);
  const report = buildReport({
    from: day,
    to: day,
    summaries: [summarizeState({ ...state, day }, config.centre.timeZone)],
    config,
    staff,
    now,
    includesToday: true,
  });
  const byField = new Map(report.byField.map((r) => [r.key, r]));
  const byCounter = new Map(report.byCounter.map((r) => [r.key, r]));
  const staffName = new Map(staff.map((m) => [m.id, m.name]));

  let longestWait: LiveToday['longestWait'] = null;
  const fields: LiveField[] = report.byField.map((row) => {
    const line = state.waiting[row.key] ?? [];
    let longest: number | null = null;
    for (const id of line) {
      const t = state.tickets[id];
      const seconds = Math.max(0, (now - t.queuedAt) / 1000);
      if (longest === null || seconds > longest) longest = seconds;
      if (!longestWait || seconds > longestWait.seconds) longestWait = { seconds, label: t.label, serviceId: t.serviceId };
    }
    return { serviceId: row.key, name: row.name, waiting: line.length, longestWaitSeconds: longest, issued: row.visits, served: row.served };
  });
  // Waiting tickets of a field that is no longer configured still wait.
  for (const [serviceId, line] of Object.entries(state.waiting)) {
    if (line.length > 0 && !byField.has(serviceId)) fields.push({ serviceId, name: serviceId, waiting: line.length, longestWaitSeconds: null, issued: 0, served: 0 });
  }

  const counterIds = new Set([...config.counters.filter((c) => c.active).map((c) => c.id), ...Object.keys(state.counters).map(Number)]);
  const counters: LiveCounter[] = [...counterIds].sort((a, b) => a - b).map((id) => {
    const cs = state.counters[id];
    const row = byCounter.get(String(id));
    const current = cs?.currentTicketId ? state.tickets[cs.currentTicketId] : undefined;
    return {
      id,
      name: config.counters.find((c) => c.id === id)?.name ?? `Quầy ${id}`,
      status: cs?.status ?? 'closed',
      ...(cs?.staffId ? { staffId: cs.staffId, staffName: staffName.get(cs.staffId) ?? cs.staffId } : {}),
      ...(cs?.pauseReason ? { pauseReason: cs.pauseReason } : {}),
      ...(current ? { currentLabel: current.label, currentSeconds: Math.max(0, (now - (current.calledAt ?? now)) / 1000) } : {}),
      served: row?.served ?? 0,
      noShows: row?.noShows ?? 0,
    };
  });

  return {
    day,
    at: now,
    waiting: fields.reduce((sum, f) => sum + f.waiting, 0),
    longestWait,
    fields,
    counters,
    figures: report.totals,
  };
}
