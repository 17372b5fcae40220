// Every counter with the number it serves now: the hall's map of where to go.
import type { CentreConfig } from '@protocol/config';
import { currentTicket, type QueueState } from '@protocol/queue';
import { counterSubtitle } from '@client/counter-names';
import { texts as t } from './texts';

export function CounterGrid(props: { state: QueueState; config: CentreConfig; highlightCounterId: number | undefined }) {
  const counters = props.config.counters.filter((c) => c.active);
  return (
    <section class="counter-grid" style={{ '--columns': counters.length > 12 ? 4 : 3 }}>
      {counters.map((c) => {
        const cs = props.state.counters[c.id];
        const status = cs?.status ?? 'closed';
        const ticket = currentTicket(props.state, c.id);
        const highlighted = props.highlightCounterId === c.id;
        return (
          <div key={c.id} class={`counter-tile status-${status}${highlighted ? ' highlighted' : ''}`} data-counter={c.id} data-label={ticket?.label ?? ''}>
            <div class="tile-head">
              <span class="tile-counter">
                {t.counter} {c.id}
              </span>
              <span class="tile-name">{counterSubtitle(c.name, c.id)}</span>
            </div>
            <div class="tile-number">
              {status === 'closed' ? (
                <span class="tile-quiet">{t.counterClosed}</span>
              ) : status === 'paused' ? (
                <span class="tile-quiet">{t.counterPaused}</span>
              ) : ticket ? (
                ticket.label
              ) : (
                <span class="tile-quiet">{t.counterIdle}</span>
              )}
            </div>
          </div>
        );
      })}
    </section>
  );
}
