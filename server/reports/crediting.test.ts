// Each rule of docs/reports.md on a scripted morning whose tables are written out by hand:
// the core runs the morning, the report counts it, and every table must be exactly the
// hand-counted one.
import { describe, expect, it } from 'vitest';
import { applyEvent, emptyState, type QueueEvent } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { decide, type Command } from '../core/queue-core';
import { buildReport } from './build-report';
import { localClock } from './calendar-days';
import { summarizeDay } from './day-summary';
import type { Report, ServiceFigures } from '@protocol/reports';

const DAY = '2026-03-16';
const TZ = 'Asia/Ho_Chi_Minh';
const at = (hhmm: string) => localClock(DAY, hhmm, TZ);
const staff = [
  { id: 'canbo5', name: 'Hoàng Thị Hương' },
  { id: 'canbo6', name: 'Vũ Đức Thắng' },
  { id: 'canbo7', name: 'Đặng Thị Ngọc' },
];

/** The scripted morning: a field transfer, a counter transfer, an absence called again and transferred, outcomes, a pause. */
export function scriptedMorning(): { events: QueueEvent[]; ids: Record<string, string> } {
  const state = emptyState(DAY);
  const opened: QueueEvent = { type: 'day.opened', day: DAY, counters: [], seq: 1, at: at('07:00') };
  applyEvent(state, opened);
  const events: QueueEvent[] = [opened];
  let n = 0;
  const run = (hhmm: string, cmd: Command) => {
    const d = decide(state, cmd, { now: at(hhmm), config: sampleCentre, newId: () => `t${++n}` });
    if (!d.ok) throw new Error(`${hhmm} ${cmd.type} refused: ${d.code}`);
    for (const e of d.events) applyEvent(state, e);
    events.push(...d.events);
    return d.ticketId;
  };
  run('07:25', { type: 'open', counterId: 5, staffId: 'canbo5' });
  run('07:26', { type: 'open', counterId: 6, staffId: 'canbo6' });
  run('07:27', { type: 'open', counterId: 7, staffId: 'canbo7' });
  const a = run('07:30', { type: 'issue', serviceId: 'ho-tich', priority: false, source: 'kiosk' })!; // 2001
  const b = run('07:32', { type: 'issue', serviceId: 'ho-tich', priority: false, source: 'kiosk' })!; // 2002
  const c = run('07:35', { type: 'issue', serviceId: 'chung-thuc', priority: true, source: 'kiosk' })!; // 1001
  run('07:40', { type: 'call-number', counterId: 5, label: '2001' });
  run('07:45', { type: 'transfer', counterId: 5, toServiceId: 'chung-thuc' }); // field transfer
  run('07:46', { type: 'call-number', counterId: 5, label: '2002' });
  run('07:50', { type: 'transfer', counterId: 5, toCounterId: 7 }); // counter transfer, same field
  run('07:52', { type: 'call-number', counterId: 6, label: '1001' });
  run('07:53', { type: 'recall', counterId: 6 });
  run('07:54', { type: 'no-show', counterId: 6, requeue: false });
  run('08:00', { type: 'call-number', counterId: 6, label: '2001' });
  run('08:06', { type: 'finish', counterId: 6, outcome: 'tiep-nhan', dossierCodes: ['H23.1-0001', 'H23.1-0002'] });
  run('08:06', { type: 'rate', ticketId: a, score: 3, via: 'terminal', fromCounterId: 6 });
  run('08:07', { type: 'call-number', counterId: 6, label: '1001' }); // the absent citizen is back
  run('08:09', { type: 'transfer', counterId: 6, toServiceId: 'ho-tich' });
  run('08:10', { type: 'call-number', counterId: 7, label: '2002' });
  run('08:18', { type: 'finish', counterId: 7, outcome: 'tra-ket-qua' });
  run('08:19', { type: 'rate', ticketId: b, score: 1, reason: 'Thời gian chờ lâu', via: 'terminal', fromCounterId: 7 });
  run('08:20', { type: 'call-next', counterId: 7 }); // 1001, now in Hộ tịch
  run('08:25', { type: 'finish', counterId: 7 }); // "Hoàn thành" with no outcome
  run('08:30', { type: 'pause', counterId: 5, reason: 'Đi họp' });
  run('09:00', { type: 'resume', counterId: 5 });
  run('09:10', { type: 'close', counterId: 5 });
  run('09:10', { type: 'close', counterId: 6 });
  run('09:10', { type: 'close', counterId: 7 });
  return { events, ids: { a, b, c } };
}

function report(): Report {
  const { events } = scriptedMorning();
  return buildReport({ from: DAY, to: DAY, summaries: [summarizeDay(DAY, events, TZ)], config: sampleCentre, staff, now: at('12:00'), includesToday: false });
}

const min = (seconds: number | null) => (seconds === null ? null : seconds / 60);
/** The columns every hand-written service table below has. */
function serviceRow(s: ServiceFigures) {
  return {
    services: s.services,
    finished: s.finished,
    transfers: s.transfers,
    absences: s.absences,
    recalls: s.recalls,
    dossiers: s.dossiers,
    serviceMin: min(s.serviceTime.averageSeconds),
    waitsMeasured: s.lineWait.count,
    withinTarget: s.withinTarget,
    rated: s.ratings.rated,
  };
}

describe('crediting each act (docs/reports.md) on a scripted morning', () => {
  const r = report();

  it('counts each visit once, in the field it ended in, with the wait before its first call', () => {
    expect(r.totals.visits).toMatchObject({ visits: 3, served: 3, absent: 0, unserved: 0, serving: 0, transferred: 3, priority: 1 });
    // 2001 waited 10 min, 2002 14 min, 1001 17 min before anyone called them.
    expect(r.totals.visits.wait).toMatchObject({ count: 3, medianSeconds: 14 * 60 });
    expect(r.totals.visits.wait.averageSeconds! / 60).toBeCloseTo(41 / 3, 9);
    const visits = Object.fromEntries(r.byField.filter((f) => f.visits.visits > 0).map((f) => [f.key, f.visits.visits]));
    // 2001 went Hộ tịch → Chứng thực; 1001 Chứng thực → Hộ tịch; 2002 stayed in Hộ tịch.
    expect(visits).toEqual({ 'chung-thuc': 1, 'ho-tich': 2 });
  });

  it('credits every service to the counter that made it, a transfer to the one that sent the citizen on', () => {
    const byCounter = Object.fromEntries(r.byCounter.filter((c) => c.services.services > 0).map((c) => [c.key, serviceRow(c.services)]));
    expect(byCounter).toEqual({
      // 2001 and 2002 passed on: 5 + 4 minutes with them.
      '5': { services: 2, finished: 0, transfers: 2, absences: 0, recalls: 0, dossiers: 0, serviceMin: 4.5, waitsMeasured: 2, withinTarget: 2, rated: 0 },
      // 1001 absent (one recall), 2001 finished with two dossiers (6 min), 1001 back and passed on (2 min); its wait is not measured.
      '6': { services: 3, finished: 1, transfers: 1, absences: 1, recalls: 1, dossiers: 2, serviceMin: 4, waitsMeasured: 2, withinTarget: 1, rated: 1 },
      // 2002 (8 min, 20 min since its transfer: over the 15-minute target) and 1001 (5 min, 11 min since its transfer).
      '7': { services: 2, finished: 2, transfers: 0, absences: 0, recalls: 0, dossiers: 0, serviceMin: 6.5, waitsMeasured: 2, withinTarget: 1, rated: 1 },
    });
    const byStaff = Object.fromEntries(r.byStaff.map((s) => [s.key, s.services.services]));
    expect(byStaff).toEqual({ canbo5: 2, canbo6: 3, canbo7: 2 });
  });

  it('gives each field the services given in it, and measures a wait from joining the line, after a field or a counter transfer alike', () => {
    const byField = Object.fromEntries(
      r.byField
        .filter((f) => f.services.services > 0)
        .map((f) => [f.key, { services: f.services.services, waits: f.services.lineWait.count, medianWaitMin: min(f.services.lineWait.medianSeconds), level: f.services.serviceLevelPercent }]),
    );
    expect(byField).toEqual({
      // Hộ tịch's line: 2001 10 min, 2002 14 min, 2002 again 20 min (since its transfer to counter 7), 1001 11 min (since its transfer).
      'ho-tich': { services: 4, waits: 4, medianWaitMin: 12.5, level: 75 },
      // Chứng thực's line: 1001 17 min, 2001 15 min since its transfer (at the target: within); 1001's return is no wait.
      'chung-thuc': { services: 3, waits: 2, medianWaitMin: 16, level: 50 },
    });
    expect(r.totals.services.serviceLevelPercent).toBeCloseTo((4 / 6) * 100, 9);
  });

  it('records what each finished visit was for, "chưa phân loại" when nobody chose', () => {
    const outcomes = Object.fromEntries(r.totals.services.outcomes.map((o) => [o.label, [o.count, o.dossiers]]));
    expect(outcomes).toEqual({
      'Tiếp nhận hồ sơ': [1, 2],
      'Trả kết quả': [1, 0],
      'Hướng dẫn, tư vấn': [0, 0],
      'Bổ sung hồ sơ': [0, 0],
      'Hỗ trợ nộp trực tuyến': [0, 0],
      Khác: [0, 0],
      'Chưa phân loại': [1, 0],
    });
    expect(r.dossiers.map((d) => [d.code, d.time, d.staff, d.field, d.outcome])).toEqual([
      ['H23.1-0001', '08:00', 'Vũ Đức Thắng', 'Chứng thực', 'Tiếp nhận hồ sơ'],
      ['H23.1-0002', '08:00', 'Vũ Đức Thắng', 'Chứng thực', 'Tiếp nhận hồ sơ'],
    ]);
  });

  it('credits a rating to the officer who finished the visit', () => {
    const rated = Object.fromEntries(r.byStaff.map((s) => [s.key, s.services.ratings.levels.map((l) => l.count)]));
    expect(rated).toEqual({ canbo5: [0, 0, 0], canbo6: [1, 0, 0], canbo7: [0, 0, 1] });
    expect(r.totals.services.ratings.reasons).toEqual([{ reason: 'Thời gian chờ lâu', count: 1 }]);
    // One finished visit was not rated: 1001.
    expect(r.totals.services.ratings.notRated).toBe(1);
  });

  it("splits each officer's time signed in into serving, paused by reason and idle", () => {
    const time = Object.fromEntries(
      r.byStaff.map((s) => [s.key, [s.time.signedInSeconds, s.time.servingSeconds, s.time.pausedSeconds, s.time.idleSeconds].map((x) => x / 60)]),
    );
    expect(time).toEqual({
      canbo5: [105, 9, 30, 66],
      canbo6: [104, 10, 0, 94],
      canbo7: [103, 13, 0, 90],
    });
    expect(r.byStaff.find((s) => s.key === 'canbo5')!.time.pauses).toEqual([{ reason: 'Đi họp', seconds: 30 * 60 }]);
    expect(r.byStaffDay.map((s) => [s.day, s.key, s.services.services])).toEqual([
      [DAY, `canbo5|${DAY}`, 2],
      [DAY, `canbo6|${DAY}`, 3],
      [DAY, `canbo7|${DAY}`, 2],
    ]);
  });

  it('writes the official sentences from the same figures', () => {
    expect(r.sentences).toContain(
      'Tổng số lượt tiếp công dân tại Trụ sở Trung tâm: 3 lượt; trong đó đã được phục vụ xong 3 lượt, vắng mặt khi được gọi số 0 lượt, chưa được phục vụ 0 lượt; số lượt ưu tiên: 1.',
    );
    expect(r.sentences.join('\n')).toContain('Tiếp nhận hồ sơ: 1 lượt (2 mã hồ sơ); Trả kết quả: 1 lượt;');
    expect(r.sentences.join('\n')).toContain('Mức độ hài lòng: Tổng số lượt đánh giá: 2; Rất hài lòng: 1 lượt (50%); Hài lòng: 0 lượt (0%); Không hài lòng: 1 lượt (50%)');
  });
});

/**
 * A second morning for the rules the first does not reach: a citizen put back in the line
 * (its next wait runs from the putting back), "Gọi số tiếp theo" and signing out with someone
 * at the desk (both finish that service), visits by hour of issue and services by hour of
 * call, and an officer still signed in when the day's events stop.
 */
function secondMorning(): QueueEvent[] {
  const day = '2026-03-17';
  const t = (hhmm: string) => localClock(day, hhmm, TZ);
  const state = emptyState(day);
  const opened: QueueEvent = { type: 'day.opened', day, counters: [], seq: 1, at: t('07:00') };
  applyEvent(state, opened);
  const events: QueueEvent[] = [opened];
  let n = 0;
  const run = (hhmm: string, cmd: Command) => {
    const d = decide(state, cmd, { now: t(hhmm), config: sampleCentre, newId: () => `s${++n}` });
    if (!d.ok) throw new Error(`${hhmm} ${cmd.type} refused: ${d.code}`);
    for (const e of d.events) applyEvent(state, e);
    events.push(...d.events);
  };
  run('07:30', { type: 'open', counterId: 6, staffId: 'canbo6' });
  run('07:30', { type: 'open', counterId: 7, staffId: 'canbo7' });
  run('07:40', { type: 'issue', serviceId: 'chung-thuc', priority: false, source: 'kiosk' }); // 1001
  run('07:41', { type: 'issue', serviceId: 'chung-thuc', priority: false, source: 'kiosk' }); // 1002
  run('07:42', { type: 'issue', serviceId: 'chung-thuc', priority: false, source: 'kiosk' }); // 1003
  run('07:50', { type: 'call-next', counterId: 6 }); // 1001
  run('07:55', { type: 'no-show', counterId: 6, requeue: true }); // 1001 back at the end of the line
  run('07:56', { type: 'call-next', counterId: 6 }); // 1002
  run('08:05', { type: 'call-next', counterId: 6 }); // finishes 1002, calls 1003
  run('08:10', { type: 'call-next', counterId: 7 }); // 1001, 15 minutes after being put back
  run('08:12', { type: 'close', counterId: 6 }); // signs out with 1003 at the desk: finished
  run('09:05', { type: 'finish', counterId: 7, outcome: 'huong-dan' });
  run('09:30', { type: 'issue', serviceId: 'ho-tich', priority: false, source: 'kiosk' }); // 2001, never called; canbo7 still signed in
  return events;
}

describe('crediting on a second morning: put back, "next" and sign-out finishing, hours, an open sign-in', () => {
  const day = '2026-03-17';
  const r = buildReport({ from: day, to: day, summaries: [summarizeDay(day, secondMorning(), TZ)], config: sampleCentre, staff, now: localClock(day, '12:00', TZ), includesToday: false });

  it('counts a citizen put back and served later as served, with the wait before the first call', () => {
    expect(r.totals.visits).toMatchObject({ visits: 4, served: 3, absent: 0, unserved: 1, serving: 0, transferred: 0 });
    // 1001 10 min, 1002 15 min, 1003 23 min; 2001 was never called.
    expect(r.totals.visits.wait).toMatchObject({ count: 3, medianSeconds: 15 * 60, averageSeconds: 16 * 60 });
  });

  it('ends a service with "next" or a sign-out as finished, and measures the wait after a putting back from it', () => {
    const byCounter = Object.fromEntries(
      r.byCounter.filter((c) => c.services.services > 0).map((c) => [c.key, { ...serviceRow(c.services), requeued: c.services.requeued }]),
    );
    expect(byCounter).toEqual({
      // 1001 put back (no service time); 1002 finished by "next" (9 min, waited 15: at the target); 1003 by the sign-out (7 min, waited 23).
      '6': { services: 3, finished: 2, transfers: 0, absences: 1, requeued: 1, recalls: 0, dossiers: 0, serviceMin: 8, waitsMeasured: 3, withinTarget: 2, rated: 0 },
      // 1001 again: 15 minutes since it was put back (35 since its issue), 55 minutes at the desk.
      '7': { services: 1, finished: 1, transfers: 0, absences: 0, requeued: 0, recalls: 0, dossiers: 0, serviceMin: 55, waitsMeasured: 1, withinTarget: 1, rated: 0 },
    });
    const outcomes = Object.fromEntries(r.totals.services.outcomes.filter((o) => o.count > 0).map((o) => [o.label, o.count]));
    expect(outcomes).toEqual({ 'Hướng dẫn, tư vấn': 1, 'Chưa phân loại': 2 });
  });

  it('puts visits in the hour they were issued and services in the hour they were called', () => {
    expect(r.byHour.map((h) => [h.key, h.visits.visits, h.services.services])).toEqual([
      ['7', 3, 2],
      ['8', 0, 2],
      ['9', 1, 0],
    ]);
  });

  it('counts a sign-in still open at the end of a closed day up to its last event', () => {
    const time = Object.fromEntries(r.byStaff.map((s) => [s.key, [s.time.signedInSeconds, s.time.servingSeconds, s.time.pausedSeconds, s.time.idleSeconds].map((x) => x / 60)]));
    expect(time).toEqual({
      canbo6: [42, 21, 0, 21],
      // 07:30 to 09:30, the day's last event.
      canbo7: [120, 55, 0, 65],
    });
  });
});
