// One GET resource for a view: loads on mount and when the path changes, reloads on demand.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorBody } from '@protocol/errors';
import { useApi } from './api-client';

export interface Resource<T> {
  data: T | null;
  error: ErrorBody | null;
  /** HTTP status of the last failure (404: the server does not offer this yet). */
  status: number;
  loading: boolean;
  reload(): Promise<void>;
}

export function useResource<T>(path: string | null): Resource<T> {
  const client = useApi();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [status, setStatus] = useState(0);
  const [loading, setLoading] = useState(path !== null);
  // Answers can arrive out of order when the path changes quickly; only the latest counts.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    if (path === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    const res = await client.get<T>(path);
    if (ticket !== latest.current) return;
    setLoading(false);
    if (res.ok) {
      setData(res.data);
      setError(null);
      setStatus(200);
    } else {
      setError(res.error);
      setStatus(res.status);
    }
  }, [client, path]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, status, loading, reload };
}
