// HTTP calls to the server's API with the app's token; errors come back as the server's
// error body so each app can show its own Vietnamese text for the code.
import type { ErrorBody } from '@protocol/errors';

/** What every app shows when the server cannot be reached, over HTTP or the socket. */
export const offlineError: ErrorBody = { code: 'internal', message: 'No connection to the server.', messageVi: 'Mất kết nối tới máy chủ.' };

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody; status: number };

export async function api<T>(method: string, path: string, body?: unknown, token?: string | null): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: json as T };
    return { ok: false, status: res.status, error: (json as ErrorBody) ?? { code: 'internal', message: res.statusText, messageVi: 'Lỗi hệ thống.' } };
  } catch {
    return { ok: false, status: 0, error: offlineError };
  }
}
