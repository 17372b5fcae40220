import { useEffect, useRef, useState } from 'preact/hooks';
import type { Procedure } from '@protocol/catalogue';
import { searchProcedures } from './procedure-api';

// Long enough to skip the requests of a fast typist's intermediate letters, short enough to feel live.
const TYPING_PAUSE_MS = 150;

export type SearchResult = { status: 'idle' } | { status: 'loading' } | { status: 'failed' } | { status: 'done'; procedures: Procedure[] };

/** Results for the query as the citizen types; an answer to an older query never replaces a newer one. */
export function useProcedureSearch(query: string, serviceId: string | undefined): SearchResult {
  const [result, setResult] = useState<SearchResult>({ status: 'idle' });
  const latest = useRef(0);
  const browsing = !query.trim() && !serviceId;
  useEffect(() => {
    const request = ++latest.current;
    if (browsing) {
      setResult({ status: 'idle' });
      return;
    }
    setResult((r) => (r.status === 'done' ? r : { status: 'loading' }));
    const timer = setTimeout(async () => {
      const res = await searchProcedures(query, serviceId);
      if (request !== latest.current) return;
      setResult(res.ok ? { status: 'done', procedures: res.data } : { status: 'failed' });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, serviceId, browsing]);
  return result;
}
