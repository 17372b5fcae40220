// HTTP calls to the server's API, typed by the registry (protocol/api.ts): an operation's
// name and input give its method, address and body, and its result type the answer's.
// Errors come back as the server's error body so each app shows its own Vietnamese text
// for the code.
import { httpRoute, type HttpOperationName, type InputOf, type JsonOperationName, type ResultOf } from '@protocol/api';
import type { ErrorBody } from '@protocol/errors';
import { paramsOf } from '@protocol/operation';

/** What every app shows when the server cannot be reached, over HTTP or the socket. */
export const offlineError: ErrorBody = { code: 'internal', message: 'No connection to the server.', messageVi: 'Mất kết nối tới máy chủ.' };

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody; status: number };

/** The address of an operation's route for this input, and what goes in the body (for a method that has one). */
export function routeOf<K extends HttpOperationName>(name: K, input: InputOf<K>): { method: string; url: string; body?: Record<string, unknown> } {
  const route = httpRoute(name);
  const rest: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  let path: string = route.path;
  for (const param of paramsOf(route.path)) {
    path = path.replace(`:${param}`, encodeURIComponent(String(rest[param])));
    delete rest[param];
  }
  if (route.method !== 'GET' && !route.fileBody) return { method: route.method, url: `/api${path}`, body: rest };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) query.set(key, String(value));
  const search = query.toString();
  return { method: route.method, url: `/api${path}${search ? `?${search}` : ''}` };
}

export async function request<K extends JsonOperationName>(name: K, input: InputOf<K>, token?: string | null): Promise<ApiResult<ResultOf<K>>> {
  const { method, url, body } = routeOf(name, input);
  try {
    const res = await fetch(url, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: json as ResultOf<K> };
    return { ok: false, status: res.status, error: (json as ErrorBody) ?? { code: 'internal', message: res.statusText, messageVi: 'Lỗi hệ thống.' } };
  } catch {
    return { ok: false, status: 0, error: offlineError };
  }
}
