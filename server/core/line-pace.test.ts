import { describe, expect, it } from 'vitest';
import { emptyState, waitingAhead, type QueueState } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { estimateWait } from '@protocol/wait-estimate';
import { emptyPaceLog, fieldPaces, foldPace, type PaceHistory } from './line-pace';
import { decide, type Command } from './queue-core';
import { applyEvent } from '@protocol/queue';

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
  const issue = (serviceId: string) => run({ type: 'issue', serviceId, priority: false, source: 'kiosk' });
  return {
    state, run, issue,
    at: (minutes: number) => { now = T0 + minutes * MIN; },
    paces: (history = noHistory) => fieldPaces(log, state, sampleCentre, history, now),
    log: () => log,
  };
}

describe('fieldPaces()', () => {
  it('knows nothing before the first services but the weekday\'s history, and says so', () => {
    const d = day();
    d.run({ type: 'open', counterId: 6, staffId: 'a' });
    const none = d.paces()['chung-thuc'];
    expect(none.basis).toBe('none');
    const history = d.paces({ serviceMinutes: { 'chung-thuc': 4 } })['chung-thuc'];
    expect(history.basis).toBe('history');
    expect(history.minutesPerCall).toBeLessThan(none.minutesPerCall);
  });

  it('measures today\'s services: two counters of 10-minute services move the line one place every ~6 minutes', () => {
    const d = day();
    d.run({ type: 'open', counterId: 6, staffId: 'a' });
    d.run({ type: 'open', counterId: 7, staffId: 'b' });
    // Twenty citizens of chứng thực; counter 7 also serves hộ tịch, where nobody waits.
    for (let i = 0; i < 20; i++) d.issue('chung-thuc');
    let t = 0;
    for (let round = 0; round < 4; round++) {
      d.at(t);
      d.run({ type: 'call-next', counterId: 6 });
      d.run({ type: 'call-next', counterId: 7 });
      t += 10;
      d.at(t);
      d.run({ type: 'finish', counterId: 6 });
      d.run({ type: 'finish', counterId: 7 });
    }
    const pace = d.paces({ serviceMinutes: { 'chung-thuc': 30 } })['chung-thuc'];
    expect(pace.basis).toBe('today');
    expect(d.log().serviceMinutes['chung-thuc']).toHaveLength(8);
    // Counter 7 gives chứng thực nearly all its time while hộ tịch's line is empty.
    expect(pace.minutesPerCall).toBeGreaterThan(4.5);
    expect(pace.minutesPerCall).toBeLessThan(7.5);
    expect(pace.freeCounters).toBe(2);
  });

  it('slows a line when a counter closes and gives its time to a busier field', () => {
    const d = day();
    for (const counterId of [4, 8]) d.run({ type: 'open', counterId, staffId: `s${counterId}` });
    for (let i = 0; i < 6; i++) d.issue('dat-dai');
    d.issue('xay-dung');
    const both = d.paces({ serviceMinutes: { 'dat-dai': 10, 'xay-dung': 10 } });
    expect(both['dat-dai'].minutesPerCall).toBeLessThan(both['xay-dung'].minutesPerCall);
    d.run({ type: 'close', counterId: 8 });
    const one = d.paces({ serviceMinutes: { 'dat-dai': 10, 'xay-dung': 10 } });
    expect(one['dat-dai'].minutesPerCall).toBeGreaterThan(1.8 * both['dat-dai'].minutesPerCall);
  });

  it('does not count an absent citizen\'s seconds as a service', () => {
    const d = day();
    d.run({ type: 'open', counterId: 6, staffId: 'a' });
    d.issue('chung-thuc');
    d.run({ type: 'call-next', counterId: 6 });
    d.at(1);
    d.run({ type: 'no-show', counterId: 6, requeue: false });
    expect(d.log().serviceMinutes['chung-thuc'] ?? []).toEqual([]);
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
    // 11 ahead, 5.5 minutes a call at 85% at the desk: about an hour and ten minutes.
    expect(range.low).toBeGreaterThanOrEqual(55);
    expect(range.high).toBeLessThanOrEqual(95);
    expect(range.high - range.low).toBeLessThanOrEqual(Math.max(10, (range.low + range.high) / 4));
  });
});
