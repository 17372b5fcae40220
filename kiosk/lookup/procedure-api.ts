// The public catalogue API: no token needed, so the look-up works on any screen.
import { api, type ApiResult } from '@client/api';
import type { Procedure } from '@protocol/catalogue';

export function searchProcedures(query: string, serviceId?: string): Promise<ApiResult<Procedure[]>> {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  if (serviceId) params.set('serviceId', serviceId);
  return api<Procedure[]>('GET', `/api/procedures?${params}`);
}
