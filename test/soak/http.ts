// JSON over HTTP to the soak's server (always 127.0.0.1).

export interface HttpResult {
  status: number;
  body: any;
}

export async function http(baseUrl: string, method: string, path: string, body?: unknown, token?: string): Promise<HttpResult> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

/** The body of a request that must succeed; anything else stops the soak with the reason. */
export async function httpOk(baseUrl: string, method: string, path: string, body?: unknown, token?: string): Promise<any> {
  const res = await http(baseUrl, method, path, body, token);
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
