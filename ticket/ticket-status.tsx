// Where the ticket stands now: its place in line, the counter it is called to, or the end.
import type { PublicTicketView } from '@protocol/events';
import { texts as t } from './texts';
import { NEAR_TURN } from './use-vibrate-on-call';
import { VibrateOptIn } from './vibrate-opt-in';

export function TicketStatusBlock(props: { view: PublicTicketView }) {
  const { view } = props;
  switch (view.status) {
    case 'waiting':
      return (
        <section class="status-block waiting" data-status="waiting">
          <p class="ahead">{view.waitingAhead > 0 ? t.ahead(view.waitingAhead) : t.aheadNone}</p>
          {view.waitingAhead <= NEAR_TURN && (
            <p class="near-turn" role="alert">
              {t.nearTurn}
            </p>
          )}
          {view.waitEstimate && <p class="estimate">{t.estimate(view.waitEstimate)}</p>}
          {view.counters.length > 0 && (
            <ul class="serving-counters" aria-label={t.countersHeading}>
              <li class="serving-counters-heading">{t.countersHeading}</li>
              {view.counters.map((c) => (
                <li key={c.id} data-counter={c.id} data-status={c.status}>
                  {c.name} <span class="counter-status">{t.counterStatus[c.status]}</span>
                </li>
              ))}
            </ul>
          )}
          <p class="hint">{t.waitHint}</p>
          <VibrateOptIn />
        </section>
      );
    case 'serving':
      return (
        <section class="status-block serving" data-status="serving">
          <h2 class="call">
            <span class="call-lead">{t.callTo}</span> <strong class="call-counter">{view.counterName}</strong>
          </h2>
          <p class="hint">{t.callHint}</p>
        </section>
      );
    case 'done':
      return (
        <section class="status-block done" data-status="done">
          <p class="hint">{t.doneNote}</p>
        </section>
      );
    case 'no-show':
      return (
        <section class="status-block no-show" data-status="no-show">
          <p class="hint">{t.noShow}</p>
        </section>
      );
  }
}
