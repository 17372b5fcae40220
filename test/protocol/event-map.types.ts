// Compile-only: `npm test` runs tsc over this file. If the event map ever loosens so that a
// misspelt event or a wrong payload compiles, the @ts-expect-error lines become errors.
import type { Socket as ClientSocket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@protocol/events';

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
