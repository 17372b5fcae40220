// The citizen at the desk now, or the counter's pause.
import type { CounterView } from '@protocol/events';
import { formatTime } from '@client/format';
import { formatDuration } from './durations';
import { texts as t } from './texts';

export function CurrentTicket({ view, priority, timeZone, now }: { view: CounterView; priority: boolean; timeZone: string; now: number }) {
  const current = view.current;
  return (
    <section class={`panel current-panel status-${view.status}`}>
      <div class="current-status" data-counter-status={view.status}>
        {view.status === 'paused' ? t.statusPaused(view.pauseReason ?? '') : view.status === 'closed' ? t.statusClosed : t.statusOpen}
      </div>
      <h2>{t.current}</h2>
      {current ? (
        <>
          <div class="current-label" data-current-label={current.label}>
            {current.label}
          </div>
          <div class="current-field">
            {current.serviceName}
            {priority && <span class="badge badge-priority">{t.priority}</span>}
          </div>
          {current.transferredFrom && (
            <div class="current-from" data-transferred-from={current.transferredFrom.counterId}>
              {t.transferredFrom(current.transferredFrom.counterName, current.transferredFrom.serviceName, current.serviceName)}
            </div>
          )}
          <div class="current-meta">
            <span>{t.calledAt(formatTime(current.calledAt, timeZone))}</span>
            <span>{t.callCount(current.callCount)}</span>
            <span>{t.servingFor(formatDuration(now - current.calledAt))}</span>
          </div>
        </>
      ) : (
        <div class="current-none">{t.noCurrent}</div>
      )}
    </section>
  );
}
