// The managers' HTTP calls, all with the signed-in manager's token and typed by the registry
// (protocol/api.ts): an operation's name and input, never a path and an asserted type. A 401
// anywhere means the session ended (expired, password reset, account disabled): the app goes
// back to sign-in.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DownloadName, InputOf, JsonOperationName, ResultOf, UploadName } from '@protocol/api';
import type { ErrorBody } from '@protocol/errors';
import { request, routeOf, type ApiResult } from '@client/api';

/** Status and parsed body as they came, for routes whose refusals carry their own data (422 on import). */
export interface RawResponse<T> {
  status: number;
  body: T | null;
}

export interface ApiClient {
  request<K extends JsonOperationName>(name: K, input: InputOf<K>): Promise<ApiResult<ResultOf<K>>>;
  /** Sends a file as the raw request body. */
  upload<K extends UploadName>(name: K, input: InputOf<K>, file: Blob): Promise<RawResponse<ResultOf<K> | ErrorBody>>;
  /** Fetches a file with the token and hands it to the browser as a download. */
  download<K extends DownloadName>(name: K, input: InputOf<K>, fallbackName: string): Promise<boolean>;
}

export function createApiClient(token: string, onUnauthorized: () => void): ApiClient {
  const auth = { authorization: `Bearer ${token}` };
  return {
    async request(name, input) {
      const res = await request(name, input, token);
      if (!res.ok && res.status === 401) onUnauthorized();
      return res;
    },
    async upload(name, input, file) {
      try {
        const res = await fetch(routeOf(name, input).url, { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: file });
        if (res.status === 401) onUnauthorized();
        return { status: res.status, body: await res.json().catch(() => null) };
      } catch {
        return { status: 0, body: null };
      }
    },
    async download(name, input, fallbackName) {
      try {
        const res = await fetch(routeOf(name, input).url, { headers: auth });
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
