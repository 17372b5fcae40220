// One query for a view: loads on mount and when its input changes, reloads on demand.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { InputIn, JsonNameIn, Operations, ResultIn } from '@protocol/api';
import type { ErrorBody } from '@protocol/errors';
import type { Registry } from '@protocol/operation';
import { useApi, type ApiClient } from './api-client';

export interface Resource<T> {
  data: T | null;
  error: ErrorBody | null;
  /** HTTP status of the last failure (404: the server does not offer this yet). */
  status: number;
  loading: boolean;
  reload(): Promise<void>;
}

/** The resource hook for one server's client (the centre's below, the city's in city/). */
export function resourceHook<R extends Registry>(useClient: () => ApiClient<R>) {
  /** input null: nothing to load yet (a period not chosen). */
  return function useResource<K extends JsonNameIn<R>>(name: K, input: InputIn<R, K> | null): Resource<ResultIn<R, K>> {
    return useLoaded(useClient(), name, input);
  };
}

export const useResource = resourceHook<Operations>(useApi);

function useLoaded<R extends Registry, K extends JsonNameIn<R>>(client: ApiClient<R>, name: K, input: InputIn<R, K> | null): Resource<ResultIn<R, K>> {
  type T = ResultIn<R, K>;
  // The input's value, not its identity, says when to load again.
  const key = input === null ? null : JSON.stringify(input);
  const current = useRef(input);
  current.current = input;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [status, setStatus] = useState(0);
  const [loading, setLoading] = useState(key !== null);
  // Answers can arrive out of order when the input changes quickly; only the latest counts.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const asked = current.current;
    if (asked === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    const res = await client.request(name, asked);
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
  }, [client, name, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, status, loading, reload };
}
