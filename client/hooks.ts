import { useEffect, useMemo, useState } from 'preact/hooks';
import { connect, type Connection, type LiveData } from './connection';

/** Connects once for the component's life and re-renders on every change. */
export function useConnection(token: string | null | undefined): { conn: Connection; data: LiveData } {
  const conn = useMemo(() => connect({ token: token ?? null }), [token]);
  const [, setVersion] = useState(0);
  useEffect(() => {
    const off = conn.subscribe((d) => setVersion(d.version));
    // Preact runs effects after paint: a snapshot that arrived in between must not be missed.
    setVersion(conn.data.version);
    return () => {
      off();
      conn.close();
    };
  }, [conn]);
  return { conn, data: conn.data };
}

/** A value from localStorage that survives reloads (device tokens, the counter chosen). */
export function useStored(key: string): [string | null, (v: string | null) => void] {
  const [value, setValue] = useState<string | null>(() => localStorage.getItem(key));
  const set = (v: string | null) => {
    if (v === null) localStorage.removeItem(key);
    else localStorage.setItem(key, v);
    setValue(v);
  };
  return [value, set];
}

/** The current time, ticking every `ms`. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
