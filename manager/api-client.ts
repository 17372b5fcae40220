// The managers' HTTP calls, all with the signed-in manager's token. A 401 anywhere means the
// session ended (expired, password reset, account disabled): the app goes back to sign-in.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { api, type ApiResult } from '@client/api';

/** Status and parsed body as they came, for routes whose refusals carry their own data (422 on import). */
export interface RawResponse<T> {
  status: number;
  body: T | null;
}

export interface ApiClient {
  get<T>(path: string): Promise<ApiResult<T>>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>>;
  /** Sends a file as the raw request body. */
  upload<T>(path: string, file: Blob): Promise<RawResponse<T>>;
  /** Fetches a file with the token and hands it to the browser as a download. */
  download(path: string, fallbackName: string): Promise<boolean>;
  /** Fetches a file with the token (audio to play); null when it could not be had. */
  blob(path: string): Promise<Blob | null>;
}

export function createApiClient(token: string, onUnauthorized: () => void): ApiClient {
  const check = <T>(res: ApiResult<T>): ApiResult<T> => {
    if (!res.ok && res.status === 401) onUnauthorized();
    return res;
  };
  const auth = { authorization: `Bearer ${token}` };
  return {
    get: async (path) => check(await api('GET', path, undefined, token)),
    send: async (method, path, body) => check(await api(method, path, body, token)),
    async upload(path, file) {
      try {
        const res = await fetch(path, { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: file });
        if (res.status === 401) onUnauthorized();
        return { status: res.status, body: await res.json().catch(() => null) };
      } catch {
        return { status: 0, body: null };
      }
    },
    async blob(path) {
      try {
        const res = await fetch(path, { headers: auth });
        if (res.status === 401) onUnauthorized();
        return res.ok ? await res.blob() : null;
      } catch {
        return null;
      }
    },
    async download(path, fallbackName) {
      try {
        const res = await fetch(path, { headers: auth });
        if (res.status === 401) onUnauthorized();
        if (!res.ok) return false;
        saveBlob(await res.blob(), fileNameFrom(res.headers.get('content-disposition')) ?? fallbackName);
        return true;
      } catch {
        return false;
      }
    },
  };
}

function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) return decodeURIComponent(utf8[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the file by the time the click handler returns; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside <ApiContext.Provider>');
  return client;
}
