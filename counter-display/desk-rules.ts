// Which desk actions make sense in the counter's present state. The server decides in the
// end; checking here first lets a shortcut pressed at the wrong moment say why at once
// instead of sending a command that can only fail.
import type { CentreConfig } from '@protocol/config';
import type { ErrorCode } from '@protocol/errors';
import type { CounterView } from '@protocol/events';
import type { CounterStatus, QueueState } from '@protocol/queue';
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

export interface TransferChoice {
  id: number;
  name: string;
  status: CounterStatus;
}

/**
 * The counters a citizen may be sent to for a field: active ones that serve it (the server
 * refuses any other), open ones first; a closed or paused one is offered last, and the dialog
 * says the citizen will wait until it opens.
 */
export function transferCounters(config: CentreConfig, state: QueueState, serviceId: string, fromCounterId: number): TransferChoice[] {
  const rank: Record<CounterStatus, number> = { open: 0, paused: 1, closed: 2 };
  return config.counters
    .filter((c) => c.active && c.id !== fromCounterId && c.serviceIds.includes(serviceId))
    .map((c) => ({ id: c.id, name: c.name, status: state.counters[c.id]?.status ?? 'closed' }))
    .sort((a, b) => rank[a.status] - rank[b.status] || a.id - b.id);
}
