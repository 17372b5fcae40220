// The desk's buttons, each showing its shortcut key.
import type { CounterView } from '@protocol/events';
import { refusal } from './desk-rules';
import { shortcutKeys, type DeskAction } from './shortcuts';
import { texts as t } from './texts';

const order: DeskAction[] = ['call-next', 'recall', 'call-number', 'finish', 'no-show', 'transfer', 'pause'];

function label(action: DeskAction, paused: boolean): string {
  switch (action) {
    case 'call-next': return t.callNext;
    case 'recall': return t.recall;
    case 'call-number': return t.callNumber;
    case 'no-show': return t.noShow;
    case 'transfer': return t.transfer;
    case 'finish': return t.finish;
    case 'pause': return paused ? t.resume : t.pause;
  }
}

export function ActionBar(props: { view: CounterView; busy: boolean; onAction: (action: DeskAction) => void }) {
  const paused = props.view.status === 'paused';
  return (
    <div class="action-bar">
      {order.map((action) => (
        <button
          key={action}
          type="button"
          class={`action action-${action}`}
          data-action={action}
          disabled={props.busy || refusal(action, props.view) !== undefined}
          // Clicking must not leave focus on the button, or the next Space/Enter would press it again.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => props.onAction(action)}
        >
          <span class="action-label">{label(action, paused)}</span>
          <kbd>{shortcutKeys[action].join(' / ')}</kbd>
        </button>
      ))}
    </div>
  );
}
