// One ticket followed live over the public socket. The server forgets which tickets a
// socket watches when it reconnects, so every (re)connect watches again.
import { useEffect, useState } from 'preact/hooks';
import type { ErrorBody } from '@protocol/errors';
import type { PublicTicketView } from '@protocol/events';
import type { Connection, ConnectionStatus } from '@client/connection';
import { useConnection } from '@client/hooks';

export interface WatchedTicket {
  conn: Connection;
  status: ConnectionStatus;
  view: PublicTicketView | null;
  error: ErrorBody | null;
  setView(view: PublicTicketView): void;
  refresh(): Promise<void>;
}

export function useWatchedTicket(ticketId: string): WatchedTicket {
  const { conn, data } = useConnection(null);
  const [view, setView] = useState<PublicTicketView | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [watching, setWatching] = useState(false);

  const refresh = async () => {
    const res = await conn.send('ticket:watch', { ticketId });
    if (res.ok) {
      setView(res.data);
      setError(null);
      setWatching(true);
    } else {
      setError(res.error);
    }
  };

  useEffect(() => {
    const watch = () => void refresh();
    const lost = () => setWatching(false);
    conn.socket.on('connect', watch);
    conn.socket.on('disconnect', lost);
    if (conn.socket.connected) watch();
    const offTicket = conn.onTicket((t) => {
      if (t.id === ticketId) setView(t);
    });
    return () => {
      conn.socket.off('connect', watch);
      conn.socket.off('disconnect', lost);
      offTicket();
    };
  }, [conn, ticketId]);

  // A phone needs no snapshot of the queue: it is online once its ticket is watched.
  const status: ConnectionStatus = watching ? 'online' : data.status === 'offline' ? 'offline' : 'connecting';
  return { conn, status, view, error, setView, refresh };
}
