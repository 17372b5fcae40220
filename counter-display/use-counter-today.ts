// The counter's figures for today, from the server's report of today (the same numbers the
// dashboard and the reports show). Asked again after each change at this counter, at most
// about once a second, and on a slow tick so the times keep counting.
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '@client/api';
import type { CounterToday } from '@protocol/reports';

const MIN_GAP_MS = 700;
const TICK_MS = 30_000;

export function useCounterToday(counterId: number, token: string, changed: unknown): CounterToday | null {
  const [today, setToday] = useState<CounterToday | null>(null);
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = async () => {
    last.current = Date.now();
    const res = await request('reports:counter-today', { counterId }, token);
    if (res.ok) setToday(res.data);
  };

  useEffect(() => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      pending.current = null;
      void load();
    }, Math.max(0, last.current + MIN_GAP_MS - Date.now()));
  }, [counterId, changed]);

  useEffect(() => {
    const tick = setInterval(() => void load(), TICK_MS);
    return () => {
      clearInterval(tick);
      if (pending.current) clearTimeout(pending.current);
    };
  }, [counterId]);

  return today;
}
