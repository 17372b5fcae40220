import type { ServiceConfig } from '@protocol/config';
import { waitingCount, type QueueState } from '@protocol/queue';
import { kioskTexts as t } from './texts';

/** One very large button per active field, with how many are waiting for it now. */
export function FieldGrid(props: { services: ServiceConfig[]; state: QueueState | null; disabled: boolean; onChoose: (s: ServiceConfig) => void }) {
  const active = props.services.filter((s) => s.active);
  return (
    <div class={`field-grid count-${Math.min(active.length, 16)}`}>
      {active.map((s) => (
        <button key={s.id} class="field-button" data-service={s.id} disabled={props.disabled} onClick={() => props.onChoose(s)}>
          <span class="field-name">{s.name}</span>
          <span class="field-waiting">{t.waiting(props.state ? waitingCount(props.state, s.id) : 0)}</span>
        </button>
      ))}
    </div>
  );
}
