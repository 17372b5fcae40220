// Today's figures from the server, refreshed whenever the live queue changes (at most about
// once a second in a rush) and on a slow tick so waiting times keep counting up.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LiveToday } from '@protocol/reports';
import type { ErrorBody } from '@protocol/errors';
import { useApi } from '../api-client';

const MIN_GAP_MS = 1_000;
const TICK_MS = 15_000;

export function useLiveToday(version: number): { today: LiveToday | null; error: ErrorBody | null; status: number } {
  const client = useApi();
  const [today, setToday] = useState<LiveToday | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [status, setStatus] = useState(0);
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = async () => {
    last.current = Date.now();
    const res = await client.request('reports:today', {});
    if (res.ok) {
      setToday(res.data);
      setError(null);
    } else {
      setError(res.error);
      setStatus(res.status);
    }
  };

  useEffect(() => {
    if (pending.current) return;
    const wait = Math.max(0, last.current + MIN_GAP_MS - Date.now());
    pending.current = setTimeout(() => {
      pending.current = null;
      void load();
    }, wait);
  }, [version]);

  useEffect(() => {
    const tick = setInterval(() => void load(), TICK_MS);
    return () => {
      clearInterval(tick);
      if (pending.current) clearTimeout(pending.current);
    };
  }, []);

  return { today, error, status };
}
