// The public catalogue API: no token needed, so the look-up works on any screen.
import { request, type ApiResult } from '@client/api';
import type { Procedure } from '@protocol/catalogue';

export function searchProcedures(query: string, serviceId?: string): Promise<ApiResult<Procedure[]>> {
  return request('procedures:search', { ...(query.trim() ? { q: query.trim() } : {}), ...(serviceId ? { serviceId } : {}) });
}
