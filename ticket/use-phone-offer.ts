// What the centre offers a phone now (numbers, priority categories, appointments), asked on
// every (re)connect and every half minute while the page is open: lines and waits move.
import { useEffect, useState } from 'preact/hooks';
import type { PhoneOffer } from '@protocol/events';
import type { Connection, ConnectionStatus } from '@client/connection';
import { useConnection } from '@client/hooks';

export function usePhoneOffer(): { conn: Connection; status: ConnectionStatus; offer: PhoneOffer | null } {
  const { conn, data } = useConnection(null);
  const [offer, setOffer] = useState<PhoneOffer | null>(null);
  useEffect(() => {
    const load = () =>
      void conn.send('phone:offer', {}).then((res) => {
        if (res.ok) setOffer(res.data);
      });
    conn.socket.on('connect', load);
    if (conn.socket.connected) load();
    const timer = setInterval(load, 30_000);
    return () => {
      conn.socket.off('connect', load);
      clearInterval(timer);
    };
  }, [conn]);
  return { conn, status: data.status, offer };
}
