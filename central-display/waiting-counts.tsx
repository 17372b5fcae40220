// How many wait in each field and how long a number taken now would wait, so a citizen can
// see how long the line ahead is.
import type { CentreConfig } from '@protocol/config';
import { waitingCount, type QueueState } from '@protocol/queue';
import { estimateWait, type WaitBasis } from '@protocol/wait-estimate';
import { formatNumber } from '@client/format';
import { texts as t } from './texts';

export function WaitingCounts(props: { state: QueueState; config: CentreConfig; waits?: WaitBasis }) {
  return (
    <section class="waiting-counts">
      <h2>{t.waitingTitle}</h2>
      <ul>
        {props.config.services
          .filter((s) => s.active)
          .map((s) => {
            const n = waitingCount(props.state, s.id);
            const range = estimateWait(n, s.id, props.waits);
            return (
              <li key={s.id} class={n === 0 ? 'none' : ''} data-service={s.id} data-waiting={n}>
                <span class="wc-name">{s.name}</span>
                <span class="wc-figures">
                  <span class="wc-count">{formatNumber(n)}</span>
                  {range && n > 0 && <span class="wc-wait" data-wait={`${range.low}-${range.high}`}>{t.waitRange(range)}</span>}
                </span>
              </li>
            );
          })}
      </ul>
    </section>
  );
}
