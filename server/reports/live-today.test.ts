import { describe, expect, it } from 'vitest';
import { applyEvent, emptyState } from '@protocol/queue';
import { decide, type Command } from '../core/queue-core';
import { sampleCentre } from '@protocol/sample-centre';
import { localClock } from './calendar-days';
import { liveToday } from './live-today';

const DAY = '2026-03-16';
const at = (hhmm: string) => localClock(DAY, hhmm, 'Asia/Ho_Chi_Minh');

function morning() {
  const state = emptyState(DAY);
  let n = 0;
  const run = (hhmm: string, cmd: Command) => {
    const d = decide(state, cmd, { now: at(hhmm), config: sampleCentre, newId: () => `ticket-${++n}` });
    if (!d.ok) throw new Error(`${cmd.type} refused: ${d.code}`);
    for (const e of d.events) applyEvent(state, e);
  };
  run('07:30', { type: 'open', counterId: 4, staffId: 'canbo1' });
  run('07:31', { type: 'open', counterId: 6, staffId: 'canbo2' });
  run('07:35', { type: 'pause', counterId: 6, reason: 'Đi họp' });
  run('07:40', { type: 'issue', serviceId: 'dat-dai', priority: false, source: 'kiosk' });
  run('07:50', { type: 'issue', serviceId: 'dat-dai', priority: false, source: 'kiosk' });
  run('07:55', { type: 'issue', serviceId: 'ho-tich', priority: true, source: 'kiosk' });
  run('08:00', { type: 'call-next', counterId: 4 });
  run('08:10', { type: 'finish', counterId: 4 });
  run('08:11', { type: 'rate', ticketId: 'ticket-1', score: 3, via: 'terminal', fromCounterId: 4 });
  run('08:12', { type: 'call-next', counterId: 4 });
  return state;
}

describe('liveToday()', () => {
  const staff = [
    { id: 'canbo1', name: 'Nguyễn Thị Lan' },
    { id: 'canbo2', name: 'Trần Văn Hùng' },
  ];
  const live = liveToday(morning(), sampleCentre, at('08:20'), staff);

  it('shows who waits in each field and the longest current wait', () => {
    expect(live.waiting).toBe(1);
    expect(live.fields.find((f) => f.serviceId === 'ho-tich')).toMatchObject({ name: 'Hộ tịch', waiting: 1, longestWaitSeconds: 25 * 60, issued: 1 });
    expect(live.fields.find((f) => f.serviceId === 'dat-dai')).toMatchObject({ waiting: 0, longestWaitSeconds: null, issued: 2, served: 1 });
    expect(live.longestWait).toEqual({ seconds: 25 * 60, label: '2001', serviceId: 'ho-tich' });
  });

  it('shows each counter with its staff, state and current number', () => {
    expect(live.counters.find((c) => c.id === 4)).toMatchObject({
      status: 'open',
      staffName: 'Nguyễn Thị Lan',
      currentLabel: '3002',
      currentSeconds: 8 * 60,
      served: 1,
    });
    expect(live.counters.find((c) => c.id === 6)).toMatchObject({ status: 'paused', pauseReason: 'Đi họp', staffName: 'Trần Văn Hùng', served: 0 });
    expect(live.counters.find((c) => c.id === 1)).toMatchObject({ status: 'closed', served: 0 });
  });

  it('gives the day so far: issued, served, waits, service time and satisfaction', () => {
    const f = live.figures;
    expect(f).toMatchObject({ visits: 3, served: 1, serving: 1, unserved: 1, noShows: 0, priority: 1 });
    expect(f.wait.averageSeconds).toBe(21 * 60);
    expect(f.service.averageSeconds).toBe(10 * 60);
    expect(f.ratings.rated).toBe(1);
    expect(f.ratings.levels[0]).toEqual({ score: 3, label: 'Rất hài lòng', count: 1, percent: 100 });
  });

  it('shows an empty today before the queue has opened its day', () => {
    const empty = liveToday(emptyState(''), sampleCentre, at('06:00'), staff);
    expect(empty.day).toBe(DAY);
    expect(empty.figures.visits).toBe(0);
    expect(empty.waiting).toBe(0);
    expect(empty.counters.every((c) => c.status === 'closed')).toBe(true);
  });
});
