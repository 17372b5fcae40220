import { describe, expect, it } from 'vitest';
import { applyEvent, emptyState, type QueueEvent } from '@protocol/queue';
import { decide, type Command } from '../core/queue-core';
import { sampleCentre } from '@protocol/sample-centre';
import { localClock } from './calendar-days';
import { createReportService } from './report-service';
import { summarizeDay } from './day-summary';
import { liveToday, todayReport } from './live-today';

const DAY = '2026-03-16';
const at = (hhmm: string) => localClock(DAY, hhmm, 'Asia/Ho_Chi_Minh');

function morning() {
  const state = emptyState(DAY);
  const opened: QueueEvent = { type: 'day.opened', day: DAY, counters: [], seq: 1, at: at('07:00') };
  applyEvent(state, opened);
  const events: QueueEvent[] = [opened];
  let n = 0;
  const run = (hhmm: string, cmd: Command) => {
    const d = decide(state, cmd, { now: at(hhmm), config: sampleCentre, newId: () => `ticket-${++n}` });
    if (!d.ok) throw new Error(`${cmd.type} refused: ${d.code}`);
    for (const e of d.events) applyEvent(state, e);
    events.push(...d.events);
  };
  run('07:30', { type: 'open', counterId: 4, staffId: 'canbo1' });
  run('07:31', { type: 'open', counterId: 6, staffId: 'canbo2' });
  run('07:35', { type: 'pause', counterId: 6, reason: 'Đi họp' });
  run('07:40', { type: 'issue', serviceId: 'dat-dai', priority: false, source: 'kiosk' });
  run('07:50', { type: 'issue', serviceId: 'dat-dai', priority: false, source: 'kiosk' });
  run('07:55', { type: 'issue', serviceId: 'ho-tich', priority: true, source: 'kiosk' });
  run('08:00', { type: 'call-next', counterId: 4 });
  run('08:10', { type: 'finish', counterId: 4, outcome: 'huong-dan' });
  run('08:11', { type: 'rate', ticketId: 'ticket-1', score: 3, via: 'terminal', fromCounterId: 4 });
  run('08:12', { type: 'call-next', counterId: 4 });
  return { state, events };
}

describe('today, live', () => {
  const staff = [
    { id: 'canbo1', name: 'Nguyễn Thị Lan' },
    { id: 'canbo2', name: 'Trần Văn Hùng' },
  ];
  const today = morning();
  let now = at('08:20');
  const reports = createReportService({ dataDir: '/nonexistent', getConfig: () => sampleCentre, getStaff: () => staff, getToday: () => today, clock: () => now });
  const live = reports.today();

  it('shows who waits in each field, for how long, and how many are past its target', () => {
    expect(live.waiting).toBe(1);
    expect(live.fields.find((f) => f.serviceId === 'ho-tich')).toMatchObject({ name: 'Hộ tịch', waiting: 1, longestWaitSeconds: 25 * 60, targetWaitMinutes: 15, overTarget: 1 });
    expect(live.fields.find((f) => f.serviceId === 'ho-tich')!.visits.visits).toBe(1);
    const datDai = live.fields.find((f) => f.serviceId === 'dat-dai')!;
    expect(datDai).toMatchObject({ waiting: 0, longestWaitSeconds: null, targetWaitMinutes: 20, overTarget: 0 });
    expect(datDai.visits).toMatchObject({ visits: 2, served: 1, serving: 1 });
    // 3001 waited 20 min (at its 20-minute target), 3002 22 min.
    expect(datDai.services.serviceLevelPercent).toBe(50);
    expect(live.longestWait).toEqual({ seconds: 25 * 60, label: '2001', serviceId: 'ho-tich' });
  });

  it('shows each counter with its officer, state, current number and figures', () => {
    const four = live.counters.find((c) => c.id === 4)!;
    expect(four).toMatchObject({ status: 'open', staffName: 'Nguyễn Thị Lan', currentLabel: '3002', currentSeconds: 8 * 60 });
    expect(four.services).toMatchObject({ services: 2, finished: 1, open: 1 });
    expect(four.time).toMatchObject({ signedInSeconds: 50 * 60, servingSeconds: 18 * 60 });
    const six = live.counters.find((c) => c.id === 6)!;
    expect(six).toMatchObject({ status: 'paused', pauseReason: 'Đi họp', staffName: 'Trần Văn Hùng' });
    expect(six.time.pauses).toEqual([{ reason: 'Đi họp', seconds: 45 * 60 }]);
    expect(live.counters.find((c) => c.id === 1)).toMatchObject({ status: 'closed' });
    expect(live.counters.find((c) => c.id === 1)!.services.services).toBe(0);
  });

  it('gives the day so far: visits, waits, service time, outcomes and satisfaction', () => {
    const { visits, services } = live.totals;
    expect(visits).toMatchObject({ visits: 3, served: 1, serving: 1, unserved: 1, absent: 0, priority: 1 });
    expect(visits.wait.averageSeconds).toBe(21 * 60);
    expect(services.serviceTime.averageSeconds).toBe(10 * 60);
    expect(services.outcomes.find((o) => o.id === 'huong-dan')!.count).toBe(1);
    expect(services.ratings.rated).toBe(1);
    expect(services.ratings.levels[0]).toEqual({ score: 3, label: 'Rất hài lòng', count: 1, percent: 100 });
  });

  it('gives a console its counter and officer from the same report', () => {
    const mine = reports.counterToday(4);
    expect(mine.counter.services).toEqual(live.counters.find((c) => c.id === 4)!.services);
    expect(mine.staff?.key).toBe('canbo1');
    expect(reports.counterToday(1)).toMatchObject({ staff: null });
  });

  it('folds in what happened since it last looked', () => {
    const before = reports.counterToday(4).counter.services.finished;
    const finished = decide(today.state, { type: 'finish', counterId: 4 }, { now: at('08:25'), config: sampleCentre, newId: () => 'x' });
    if (finished.ok) for (const e of finished.events) applyEvent(today.state, e), today.events.push(e);
    now = at('08:26');
    expect(reports.counterToday(4).counter.services.finished).toBe(before + 1);
  });

  it('shows a waiting field the report has no row for with its line and zero figures, not the centre’s', () => {
    // Hộ tịch switched off since its ticket was issued, and the report made before that ticket.
    const config = { ...sampleCentre, services: sampleCentre.services.map((s) => (s.id === 'ho-tich' ? { ...s, active: false } : s)) };
    const before = today.events.filter((e) => !(e.type === 'ticket.issued' && e.ticket.serviceId === 'ho-tich'));
    const report = todayReport(DAY, summarizeDay(DAY, before, 'Asia/Ho_Chi_Minh'), config, at('08:20'), staff);
    expect(report.totals.visits.visits).toBe(2);
    const hoTich = liveToday(today.state, report, config, at('08:20')).fields.find((f) => f.serviceId === 'ho-tich')!;
    expect(hoTich).toMatchObject({ name: 'Hộ tịch', waiting: 1, longestWaitSeconds: 25 * 60 });
    expect([hoTich.visits.visits, hoTich.services.services]).toEqual([0, 0]);
  });

  it('shows an empty today before the queue has opened its day', () => {
    const empty = createReportService({
      dataDir: '/nonexistent',
      getConfig: () => sampleCentre,
      getStaff: () => staff,
      getToday: () => ({ state: emptyState(''), events: [] }),
      clock: () => at('06:00'),
    }).today();
    expect(empty.day).toBe(DAY);
    expect(empty.totals.visits.visits).toBe(0);
    expect(empty.waiting).toBe(0);
    expect(empty.counters.every((c) => c.status === 'closed')).toBe(true);
  });
});
