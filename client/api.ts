// HTTP calls to the server's API, typed by the registry (protocol/api.ts): an operation's
// name and input give its method, address and body, and its result type the answer's.
// Errors come back as the server's error body so each app shows its own Vietnamese text
// for the code.
import { operations, routeIn, type HttpNameIn, type InputIn, type JsonNameIn, type Operations, type ResultIn } from '@protocol/api';
import type { ErrorBody } from '@protocol/errors';
import { paramsOf, type Registry } from '@protocol/operation';

/** What every app shows when the server cannot be reached, over HTTP or the socket. */
export const offlineError: ErrorBody = { code: 'internal', message: 'No connection to the server.', messageVi: 'Mất kết nối tới máy chủ.' };

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody; status: number };

/** The address of the centre's operation for this input, and what goes in the body (for a method that has one). */
export function routeOf<K extends HttpNameIn<Operations>>(name: K, input: InputIn<Operations, K>): { method: string; url: string; body?: Record<string, unknown> } {
  return routeInRegistry(operations, name, input);
}

/** The same for any server's registry (the city's: protocol/city-api.ts). */
export function routeInRegistry<R extends Registry, K extends HttpNameIn<R>>(registry: R, name: K, input: InputIn<R, K>): { method: string; url: string; body?: Record<string, unknown> } {
  const route = routeIn(registry, name);
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

/** Calls the centre's operation. */
export function request<K extends JsonNameIn<Operations>>(name: K, input: InputIn<Operations, K>, token?: string | null): Promise<ApiResult<ResultIn<Operations, K>>> {
  return requestIn(operations, name, input, token);
}

export async function requestIn<R extends Registry, K extends JsonNameIn<R>>(registry: R, name: K, input: InputIn<R, K>, token?: string | null): Promise<ApiResult<ResultIn<R, K>>> {
  const { method, url, body } = routeInRegistry(registry, name, input);
  try {
    const res = await fetch(url, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = await res.json().catch(() => null);
    // The one place the answer meets its type: the registry says what this route answers.
    if (res.ok) return { ok: true, data: json as ResultIn<R, K> };
    return { ok: false, status: res.status, error: (json as ErrorBody) ?? { code: 'internal', message: res.statusText, messageVi: 'Lỗi hệ thống.' } };
  } catch {
    return { ok: false, status: 0, error: offlineError };
  }
}
