// The managers' HTTP calls, all with the signed-in manager's token and typed by the registry
// (protocol/api.ts): an operation's name and input, never a path and an asserted type. A 401
// anywhere means the session ended (expired, password reset, account disabled): the app goes
// back to sign-in.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DownloadNameIn, InputIn, JsonNameIn, Operations, ResultIn, UploadNameIn } from '@protocol/api';
import type { ErrorBody } from '@protocol/errors';
import type { Registry } from '@protocol/operation';
import { requestIn, routeInRegistry, type ApiResult } from '@client/api';

/** Status and parsed body as they came, for routes whose refusals carry their own data (422 on import). */
export interface RawResponse<T> {
  status: number;
  body: T | null;
}

/** A server's HTTP operations with a token: the centre's (this app), or the city's (city/). */
export interface ApiClient<R extends Registry = Operations> {
  request<K extends JsonNameIn<R>>(name: K, input: InputIn<R, K>): Promise<ApiResult<ResultIn<R, K>>>;
  /** Sends a file as the raw request body. */
  upload<K extends UploadNameIn<R>>(name: K, input: InputIn<R, K>, file: Blob): Promise<RawResponse<ResultIn<R, K> | ErrorBody>>;
  /** Fetches a file with the token and hands it to the browser as a download. */
  download<K extends DownloadNameIn<R>>(name: K, input: InputIn<R, K>, fallbackName: string): Promise<boolean>;
  /** Fetches a file with the token (audio to play); null when it could not be had. */
  blob<K extends DownloadNameIn<R>>(name: K, input: InputIn<R, K>): Promise<Blob | null>;
}

export function createApiClient<R extends Registry>(registry: R, token: string, onUnauthorized: () => void): ApiClient<R> {
  const auth = { authorization: `Bearer ${token}` };
  return {
    async request(name, input) {
      const res = await requestIn(registry, name, input, token);
      if (!res.ok && res.status === 401) onUnauthorized();
      return res;
    },
    async upload(name, input, file) {
      try {
        const res = await fetch(routeInRegistry(registry, name, input).url, { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: file });
        if (res.status === 401) onUnauthorized();
        return { status: res.status, body: await res.json().catch(() => null) };
      } catch {
        return { status: 0, body: null };
      }
    },
    async blob(name, input) {
      try {
        const res = await fetch(routeInRegistry(registry, name, input).url, { headers: auth });
        if (res.status === 401) onUnauthorized();
        return res.ok ? await res.blob() : null;
      } catch {
        return null;
      }
    },
    async download(name, input, fallbackName) {
      try {
        const res = await fetch(routeInRegistry(registry, name, input).url, { headers: auth });
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

/** A context for one server's client, and the hook that reads it. */
export function apiContext<R extends Registry>() {
  const Context = createContext<ApiClient<R> | null>(null);
  const use = (): ApiClient<R> => {
    const client = useContext(Context);
    if (!client) throw new Error('an API client hook outside its <Provider>');
    return client;
  };
  return { Context, use };
}

const centreApi = apiContext<Operations>();
export const ApiContext = centreApi.Context;
export const useApi = centreApi.use;
