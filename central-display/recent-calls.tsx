// "Vừa gọi": the calls before the current one, so a citizen who looked away a moment ago
// still finds their number and counter (Qmatic and Vietnamese vendors show 4–6).
import type { CallRecord, QueueState } from '@protocol/queue';
import { isCurrentCall } from './current-call';
import { texts as t } from './texts';

export function RecentCalls(props: { calls: CallRecord[]; state: QueueState }) {
  return (
    <section class="recent-calls" aria-label={t.recentTitle}>
      <h2>{t.recentTitle}</h2>
      {props.calls.length === 0 ? (
        <p class="recent-none">{t.recentNone}</p>
      ) : (
        <ol>
          {props.calls.map((call) => (
            <li key={call.ticketId} class={isCurrentCall(props.state, call) ? 'current' : ''} data-recent-label={call.label} data-recent-counter={call.counterId}>
              <span class="recent-label">{call.label}</span>
              <span class="recent-counter">{t.recentCounter(call.counterId)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
