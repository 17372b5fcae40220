// Compile-only: `npm test` runs tsc over this file. If the event map derived from the registry
// ever loosens so that a misspelt event or a wrong payload compiles, the @ts-expect-error
// lines become errors.
import type { Socket as ClientSocket } from 'socket.io-client';
import type { ClientToServerEvents } from '@protocol/api';
import type { ServerToClientEvents } from '@protocol/events';
import { request } from '../../client/api';

export function lockedEventMap(socket: ClientSocket<ServerToClientEvents, ClientToServerEvents>): void {
  socket.emit('counter:call-next', { counterId: 3 }, () => undefined);
  // @ts-expect-error a misspelt command does not exist
  socket.emit('counter:call-nxt', { counterId: 3 }, () => undefined);
  // @ts-expect-error the counter id is a number
  socket.emit('counter:call-next', { counterId: '3' }, () => undefined);
  // @ts-expect-error the ticket's field is serviceId
  socket.emit('ticket:issue', { service: 'ho-tich' }, () => undefined);
  socket.on('queue:event', (event) => event.seq);
  // @ts-expect-error broadcasts are in the past tense
  socket.on('queue:events', () => undefined);
}

export async function lockedHttpClient(): Promise<void> {
  const report = await request('reports:period', { from: '2026-01-01', to: '2026-03-14' });
  if (report.ok) report.data.totals.visits.visits.toFixed();
  // @ts-expect-error a misspelt operation does not exist
  await request('reports:perod', { from: '2026-01-01', to: '2026-03-14' });
  // @ts-expect-error the period needs its end
  await request('reports:period', { from: '2026-01-01' });
  // @ts-expect-error a download is not JSON: it goes through the managers' download()
  await request('reports:xlsx', { from: '2026-01-01', to: '2026-01-01' });
  const users = await request('users:list', {});
  // @ts-expect-error the answer is typed by the registry, not asserted by the caller
  if (users.ok) users.data.nonsense;
}
