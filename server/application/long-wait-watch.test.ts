// The long-wait alert and the service level use one target per field and one clock (time
// since joining the line): at exactly the target a citizen is still within it, past it the
// alert fires; after a transfer the clock starts again at the transfer.
import { describe, expect, it } from 'vitest';
import type { CentreConfig } from '@protocol/config';
import { applyEvent, emptyState, type QueueEvent } from '@protocol/queue';
import { sampleCentre } from '@protocol/sample-centre';
import { decide, type Command } from '../core/queue-core';
import { buildReport } from '../reports/build-report';
import { localClock } from '../reports/calendar-days';
import { summarizeDay } from '../reports/day-summary';
import { Alerts } from './alerts';
import { checkLongWaits } from './long-wait-watch';

const DAY = '2026-03-16';
const TZ = 'Asia/Ho_Chi_Minh';
const at = (hhmmss: string) => localClock(DAY, hhmmss.slice(0, 5), TZ) + Number(hhmmss.slice(6) || 0) * 1000;
// Hộ tịch has its own 10-minute target; Chứng thực takes the centre's 15 minutes.
const config: CentreConfig = {
  ...sampleCentre,
  alerts: { waitMinutes: 15 },
  services: sampleCentre.services.map((s) => (s.id === 'ho-tich' ? { ...s, targetWaitMinutes: 10 } : s.id === 'chung-thuc' ? { ...s, targetWaitMinutes: null } : s)),
};

describe('the long-wait alert', () => {
  const state = emptyState(DAY);
  const opened: QueueEvent = { type: 'day.opened', day: DAY, counters: [], seq: 1, at: at('07:00') };
  applyEvent(state, opened);
  const events: QueueEvent[] = [opened];
  let n = 0;
  const run = (time: string, cmd: Command) => {
    const d = decide(state, cmd, { now: at(time), config, newId: () => `t${++n}` });
    if (!d.ok) throw new Error(`${time} ${cmd.type}: ${d.code}`);
    for (const e of d.events) applyEvent(state, e);
    events.push(...d.events);
  };
  const alerts = new Alerts(() => 0);
  const alerted = (time: string) => {
    checkLongWaits(state, config, alerts, at(time));
    return alerts
      .list()
      .filter((a) => a.kind === 'long-wait')
      .map((a) => a.id)
      .sort();
  };

  it('fires once a citizen has waited longer than the field’s target, not at it', () => {
    run('07:30', { type: 'open', counterId: 5, staffId: 'canbo5' });
    run('07:30', { type: 'open', counterId: 6, staffId: 'canbo6' });
    run('08:00', { type: 'issue', serviceId: 'ho-tich', priority: false, source: 'kiosk' }); // 2001
    run('08:02', { type: 'issue', serviceId: 'chung-thuc', priority: false, source: 'kiosk' }); // 1001
    expect(alerted('08:10:00')).toEqual([]);
    expect(alerted('08:10:01')).toEqual(['long-wait:ho-tich']);
    expect(alerts.list()[0].message).toBe('Hộ tịch: có công dân chờ quá 10 phút, thời gian chờ mục tiêu của lĩnh vực (1 người đang chờ).');
    // Chứng thực's 1001 has waited exactly its 15 minutes: no alert, and called now it is within target.
    expect(alerted('08:17:00')).toEqual(['long-wait:ho-tich']);
    run('08:17', { type: 'call-number', counterId: 6, label: '1001' });
    expect(alerted('08:17:01')).toEqual(['long-wait:ho-tich']);
    run('08:18', { type: 'call-number', counterId: 5, label: '2001' });
    expect(alerted('08:18:00')).toEqual([]);
  });

  it('counts from the transfer for a citizen sent to another field', () => {
    run('08:20', { type: 'transfer', counterId: 5, toServiceId: 'chung-thuc' });
    // From the issue (08:00) 2001 is long past 15 minutes; in Chứng thực's line it has waited 15.
    expect(alerted('08:35:00')).toEqual([]);
    expect(alerted('08:35:01')).toEqual(['long-wait:chung-thuc']);
  });

  it('measures the service level against the same targets', () => {
    const report = buildReport({ from: DAY, to: DAY, summaries: [summarizeDay(DAY, events, TZ)], config, staff: [], now: at('09:00'), includesToday: false });
    const level = Object.fromEntries(report.byField.filter((f) => f.services.services > 0).map((f) => [f.key, [f.targetWaitMinutes, f.services.withinTarget, f.services.lineWait.count]]));
    // 1001 called at exactly 15 minutes: within; 2001 called after 18 minutes against 10: not.
    expect(level).toEqual({ 'chung-thuc': [15, 1, 1], 'ho-tich': [10, 0, 1] });
  });
});
