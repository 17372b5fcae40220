// An HTTP request sent from a chosen loopback address (127.0.0.0/8 all reach this machine),
// so tests can play a stranger, the kiosk and a manager at different addresses.
import { request } from 'node:http';

export interface FromAnswer {
  status: number;
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

export function httpFrom(localAddress: string, url: string, method: string, path: string, body?: unknown, token?: string): Promise<FromAnswer> {
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      url + path,
      {
        method,
        localAddress,
        agent: false,
        headers: { ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON: keep the text */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
