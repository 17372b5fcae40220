// Sends one command through an app's own connection and says what the client can know of
// it: acknowledged, refused, or in doubt. A command is only sent while the socket is
// connected, so "not sent" never counts as "in doubt".
import type { Connection } from '../../client/connection';
import { offlineError } from '../../client/api';
import type { InputOf, ResultOf, SocketOperationName } from '@protocol/api';
import type { Outcome } from './ledger';

export type Tracked<T> = { ok: true; outcome: { kind: 'ok' }; data: T } | { ok: false; outcome: Exclude<Outcome, { kind: 'ok' }> };

export function isOnline(conn: Connection): boolean {
  return conn.socket.connected && conn.data.status === 'online';
}

/** null: not connected, nothing was sent. */
export async function trackedSend<E extends SocketOperationName>(conn: Connection, event: E, payload: InputOf<E>): Promise<Tracked<ResultOf<E>> | null> {
  // The check and send()'s own check run in the same tick: both see the same socket state.
  if (!conn.socket.connected) return null;
  const res = await conn.send(event, payload);
  if (res.ok) return { ok: true, outcome: { kind: 'ok' }, data: res.data };
  // The connection library answers a lost ack (timeout or disconnect) with its own offline
  // error; the server's "internal" means a journal write failed: either may have happened.
  if (res.error === offlineError) return { ok: false, outcome: { kind: 'in-doubt', cause: conn.socket.connected ? 'timeout' : 'disconnected' } };
  if (res.error.code === 'internal') return { ok: false, outcome: { kind: 'in-doubt', cause: 'server-error' } };
  return { ok: false, outcome: { kind: 'refused', code: res.error.code } };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
