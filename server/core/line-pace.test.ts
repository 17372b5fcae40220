import { describe, expect, it } from 'vitest';
import { applyEvent, emptyState, waitingAhead, type QueueState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { estimateWait, expectedWaitMinutes } from '@protocol/wait-estimate';
import { emptyPaceLog, fieldPaces, foldPace, type PaceHistory } from './line-pace';
import { decide, type Command } from './queue-core';

const T0 = Date.UTC(2026, 10, 24, 1, 0); // 08:00 in Hà Nội, a Tuesday
const MIN = 60_000;
const noHistory: PaceHistory = { serviceMinutes: {} };

/** A scripted day: commands run through the core, their events folded into the state and the pace log. */
function day() {
  const state: QueueState = emptyState('2026-11-24');
  let log = emptyPaceLog();
  let now = T0;
  let n = 0;
  const run = (cmd: Command) => {
    const d = decide(state, cmd, { now, config: sampleCentre, newId: () => `t${++n}` });
    if (!d.ok) throw new Error(`${cmd.type}: ${d.code}`);
    for (const e of d.events) {
      log = foldPace(log, e, state);
      applyEvent(state, e);
    }
    return d.ticketId!;
  };
  const issue = (serviceId: string, priority = false) => run({ type: 'issue', serviceId, priority, source: 'kiosk' });
  return {
    state, run, issue,
    at: (minutes: number) => { now = T0 + minutes * MIN; },
    paces: (history = noHistory) => fieldPaces(log, state, sampleCentre, history, now),
    log: () => log,
  };
}

/** Serves `count` citizens of the field at the counter, `minutes` each, from minute `from`; returns the minute it ends. */
function serve(d: ReturnType<typeof day>, counterId: number, serviceId: string, count: number, minutes: number, from: number, options: { priority?: boolean } = {}): number {
  let t = from;
  for (let i = 0; i < count; i++) {
    d.at(t);
    d.issue(serviceId, options.priority);
    d.run({ type: 'call-next', counterId });
    t += minutes;
    d.at(t);
    d.run({ type: 'finish', counterId });
  }
  return t;
}

describe('fieldPaces()', () => {
  it('knows nothing before the first services but the weekday\'s history, and says so', () => {
    const d = day();
    d.run({ type: 'open', counterId: 6, staffId: 'a' });
    d.issue('chung-thuc');
    d.issue('chung-thuc');
    d.run({ type: 'call-next', counterId: 6 });
    const none = d.paces()['chung-thuc'];
    expect(none.basis).toBe('none');
    const history = d.paces({ serviceMinutes: { 'chung-thuc': 4 } })['chung-thuc'];
    expect(history.basis).toBe('history');
    // The one waiting is next when the service under way ends: 8 minutes by default, 4 by the weekday's.
    expect(none.turns[0]).toBeCloseTo(8.5, 1);
    expect(history.turns[0]).toBeCloseTo(4.5, 1);
  });

  it('weighs today\'s services against the weekday\'s as they come', () => {
    const d = day();
    d.run({ type: 'open', counterId: 6, staffId: 'a' });
    const weekday = { serviceMinutes: { 'chung-thuc': 20 } };
    d.issue('chung-thuc');
    d.run({ type: 'call-next', counterId: 6 });
    d.issue('chung-thuc');
    const before = d.paces(weekday)['chung-thuc'].turns[0];
    d.run({ type: 'finish', counterId: 6 });
    serve(d, 6, 'chung-thuc', 8, 10, 0);
    d.issue('chung-thuc');
    d.run({ type: 'call-next', counterId: 6 });
    const after = d.paces(weekday)['chung-thuc'];
    expect(after.basis).toBe('today');
    // The next one waits for the service just begun: 20 minutes by the weekday, about 14 with eight of 10 today.
    expect(before).toBeCloseTo(20.5, 1);
    expect(after.turns[0]).toBeGreaterThan(12);
    expect(after.turns[0]).toBeLessThan(16);
  });

  it('plays two counters forward: free ones take the first citizens at once, then one place every half a service', () => {
    const d = day();
    d.run({ type: 'open', counterId: 6, staffId: 'a' });
    d.run({ type: 'open', counterId: 7, staffId: 'b' });
    for (let i = 0; i < 12; i++) d.issue('chung-thuc');
    const pace = d.paces({ serviceMinutes: { 'chung-thuc': 10 } })['chung-thuc'];
    expect(pace.turns.slice(0, 2)).toEqual([0, 0]);
    // Eleven places on from the second: 10-minute services and the changeover, two counters,
    // the officers' usual time away after the first call.
    const perPlace = (pace.turns[11] - pace.turns[1]) / 10;
    expect(perPlace).toBeGreaterThan(5.25);
    expect(perPlace).toBeLessThan(6.5);
    // The last turn is a ticket taken now: after all twelve.
    expect(pace.turns).toHaveLength(13);
    expect(pace.turns[12]).toBeGreaterThan(pace.turns[11]);
  });

  it('sees that a counter shared with another field takes that field\'s older tickets first', () => {
    const history = { serviceMinutes: { 'chung-thuc': 5, 'ho-tich': 7 } };
    // Only counter 7 (chứng thực and hộ tịch) is open.
    const older = day();
    older.run({ type: 'open', counterId: 7, staffId: 'a' });
    for (let i = 0; i < 3; i++) older.issue('ho-tich');
    older.at(1);
    older.issue('chung-thuc');
    const newer = day();
    newer.run({ type: 'open', counterId: 7, staffId: 'a' });
    newer.issue('chung-thuc');
    newer.at(1);
    for (let i = 0; i < 3; i++) newer.issue('ho-tich');
    // Behind three hộ tịch citizens of 7 minutes who came first; first when they came after.
    expect(older.paces(history)['chung-thuc'].turns[0]).toBeGreaterThan(20);
    expect(newer.paces(history)['chung-thuc'].turns[0]).toBe(0);
    expect(newer.paces(history)['ho-tich'].turns[0]).toBeGreaterThan(5);
  });

  it('follows the call policy at a shared counter: a priority citizen first, but one who has waited an hour before them', () => {
    const history = { serviceMinutes: { 'chung-thuc': 5, 'ho-tich': 7 } };
    const d = day();
    d.run({ type: 'open', counterId: 7, staffId: 'a' });
    d.issue('ho-tich');
    d.at(30);
    d.issue('chung-thuc', true);
    // Counter 7 is free: the priority chứng thực citizen goes first, the hộ tịch one after.
    expect(d.paces(history)['chung-thuc'].turns[0]).toBe(0);
    expect(d.paces(history)['ho-tich'].turns[0]).toBeGreaterThan(5);
    // An hour after the hộ tịch citizen came, they go first.
    d.at(61);
    expect(d.paces(history)['ho-tich'].turns[0]).toBe(0);
    expect(d.paces(history)['chung-thuc'].turns[0]).toBeGreaterThan(5);
  });

  it('expects an officer who stepped away back after the usual time away, and after the break at lunch', () => {
    const d = day();
    d.run({ type: 'open', counterId: 6, staffId: 'a' });
    d.at(60); // 09:00
    d.run({ type: 'pause', counterId: 6, reason: 'Xử lý hồ sơ' });
    d.issue('chung-thuc');
    d.at(62);
    // A quarter of an hour away before today has its own, two minutes of it gone.
    expect(d.paces()['chung-thuc'].turns[0]).toBeCloseTo(13, 0);
    d.at(72);
    d.run({ type: 'resume', counterId: 6 });
    d.run({ type: 'call-next', counterId: 6 });
    d.run({ type: 'finish', counterId: 6 });
    d.at(220); // 11:40, the lunch break
    d.run({ type: 'pause', counterId: 6, reason: 'Nghỉ trưa' });
    d.issue('chung-thuc');
    // Back when the afternoon opens at 13:30.
    expect(d.paces()['chung-thuc'].turns[0]).toBeCloseTo(110, 0);
  });

  it('frees a counter at the desk when its citizen\'s service should end, or soon when it ran long', () => {
    const d = day();
    d.run({ type: 'open', counterId: 6, staffId: 'a' });
    d.issue('chung-thuc');
    d.run({ type: 'call-next', counterId: 6 });
    d.issue('chung-thuc');
    d.at(3);
    expect(d.paces()['chung-thuc'].turns[0]).toBeCloseTo(5.5, 1);
    d.at(10);
    // Past the usual 8 minutes: still 30% of it.
    expect(d.paces()['chung-thuc'].turns[0]).toBeCloseTo(2.9, 1);
  });

  it('slows a line by the citizens who went ahead of it lately: priority tickets still to come go first', () => {
    const history = { serviceMinutes: { 'chung-thuc': 8 } };
    const withPriority = day();
    const plain = day();
    for (const d of [withPriority, plain]) {
      d.run({ type: 'open', counterId: 6, staffId: 'a' });
      const end = serve(d, 6, 'chung-thuc', 4, 8, 0, { priority: d === withPriority });
      d.at(end);
      for (let i = 0; i < 10; i++) d.issue('chung-thuc');
    }
    const slowed = withPriority.paces(history)['chung-thuc'].turns[9];
    const usual = plain.paces(history)['chung-thuc'].turns[9];
    // Four in the last half hour: about one every 8 minutes, each a service before the tenth.
    expect(slowed).toBeGreaterThan(usual + 20);
  });

  it('learns how long officers step away today', () => {
    const history = { serviceMinutes: { 'chung-thuc': 8 } };
    const away = day();
    const atDesk = day();
    for (const d of [away, atDesk]) {
      d.run({ type: 'open', counterId: 6, staffId: 'a' });
      let t = 0;
      for (let i = 0; i < 3; i++) {
        t = serve(d, 6, 'chung-thuc', 2, 8, t);
        if (d === away) {
          d.run({ type: 'pause', counterId: 6, reason: 'Đi họp' });
          t += 40;
          d.at(t);
          d.run({ type: 'resume', counterId: 6 });
        }
      }
      for (let i = 0; i < 8; i++) d.issue('chung-thuc');
    }
    // Three 40-minute absences in six calls (weighed against the usual quarter of an hour after one
    // call in twelve): the eighth waits much longer than at a counter always at its desk.
    expect(away.paces(history)['chung-thuc'].turns[7]).toBeGreaterThan(atDesk.paces(history)['chung-thuc'].turns[7] + 12);
  });

  it('does not count an absent citizen\'s seconds as a service', () => {
    const d = day();
    d.run({ type: 'open', counterId: 6, staffId: 'a' });
    d.issue('chung-thuc');
    d.run({ type: 'call-next', counterId: 6 });
    d.at(1);
    d.run({ type: 'no-show', counterId: 6, requeue: false });
    expect(d.log().serviceMinutes['chung-thuc'] ?? []).toEqual([]);
    expect(d.log().noShows.count).toBe(1);
  });

  it('carries the turns of the front of a long line only; the places behind go at the field\'s pace', () => {
    const d = day();
    d.run({ type: 'open', counterId: 6, staffId: 'a' });
    for (let i = 0; i < 500; i++) d.issue('chung-thuc');
    const pace = d.paces({ serviceMinutes: { 'chung-thuc': 5 } })['chung-thuc'];
    expect(pace.turns).toHaveLength(60);
    const last = expectedWaitMinutes(499, pace);
    expect(last).toBeCloseTo(pace.turns[59] + 440 * pace.minutesPerCall, 5);
    expect(pace.minutesPerCall).toBeGreaterThan(5.5);
  });
});

describe('the estimate on a scripted morning', () => {
  it('tells the first citizen at a free counter 0–10 minutes and the twelfth one a longer range, growing with the line', () => {
    const d = day();
    d.run({ type: 'open', counterId: 6, staffId: 'a' });
    const history: PaceHistory = { serviceMinutes: { 'chung-thuc': 5 } };
    const first = d.issue('chung-thuc');
    expect(estimateWait(waitingAhead(d.state, first), 'chung-thuc', { at: T0, paces: d.paces(history) })).toEqual({ low: 0, high: 10 });
    let last = first;
    for (let i = 0; i < 11; i++) last = d.issue('chung-thuc');
    const range = estimateWait(waitingAhead(d.state, last), 'chung-thuc', { at: T0, paces: d.paces(history) })!;
    // 11 ahead of one counter, 5.5 minutes a call and the officer's usual time away: over an hour.
    expect(range.low).toBeGreaterThanOrEqual(55);
    expect(range.high).toBeLessThanOrEqual(95);
    expect(range.high - range.low).toBeLessThanOrEqual(Math.max(10, (range.low + range.high) / 4));
  });
});
