// Which desk actions make sense in the counter's present state. The server decides in the
// end; checking here first lets a shortcut pressed at the wrong moment say why at once
// instead of sending a command that can only fail.
import type { ErrorCode } from '@protocol/errors';
import type { CounterView } from '@protocol/events';
import type { DeskAction } from './shortcuts';

export function refusal(action: DeskAction, view: Pick<CounterView, 'status' | 'current'>): ErrorCode | undefined {
  if (view.status === 'closed') return 'counter-closed';
  switch (action) {
    case 'call-next':
    case 'call-number':
      return view.status === 'paused' ? 'counter-paused' : undefined;
    case 'recall':
      if (view.status === 'paused') return 'counter-paused';
      return view.current ? undefined : 'no-current-ticket';
    case 'no-show':
    case 'transfer':
    case 'finish':
      return view.current ? undefined : 'no-current-ticket';
    case 'pause':
      return undefined;
  }
}
