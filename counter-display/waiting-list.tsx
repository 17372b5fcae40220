// This counter's waiting line, priority tickets marked, each callable by a click.
import type { CentreConfig, CounterConfig } from '@protocol/config';
import type { QueueState } from '@protocol/queue';
import { counterLine } from './counter-line';
import { formatDuration } from './durations';
import { texts as t } from './texts';

const SHOWN = 30;

export function WaitingList(props: { state: QueueState; config: CentreConfig; counter: CounterConfig; canCall: boolean; now: number; onCall: (label: string) => void }) {
  const { now } = props;
  const line = counterLine(props.state, props.counter);
  const fieldName = (id: string) => props.config.services.find((s) => s.id === id)?.name ?? id;
  return (
    <section class="panel waiting-panel">
      <h2>
        {t.waitingLine} <span class="count" data-waiting-count={line.length}>{t.waitingCount(line.length)}</span>
      </h2>
      {line.length === 0 ? (
        <p class="muted">{t.nobodyWaiting}</p>
      ) : (
        <ol class="waiting-list">
          {line.slice(0, SHOWN).map(({ ticket, targeted }) => (
            <li key={ticket.id} class={ticket.priority ? 'priority' : ''} data-label={ticket.label}>
              <span class="w-label">{ticket.label}</span>
              <span class="w-field">
                {fieldName(ticket.serviceId)}
                {ticket.priority && <span class="badge badge-priority">{t.priority}</span>}
                {targeted && <span class="badge">{t.transferredHere}</span>}
                {ticket.transferredFrom && <span class="badge badge-from">{t.transferredFromShort(ticket.transferredFrom.counterId)}</span>}
              </span>
              <span class="w-wait">{t.waitedFor(formatDuration(now - ticket.lineSince))}</span>
              <button type="button" class="small-button" disabled={!props.canCall} onMouseDown={(e) => e.preventDefault()} onClick={() => props.onCall(ticket.label)}>
                {t.callThis}
              </button>
            </li>
          ))}
        </ol>
      )}
      {line.length > SHOWN && <p class="muted">{t.moreWaiting(line.length - SHOWN)}</p>}
    </section>
  );
}
