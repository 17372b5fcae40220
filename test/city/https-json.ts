// JSON over HTTP or HTTPS with a given certificate authority (fetch cannot take one).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Raw bytes instead of JSON. */
  raw?: Buffer;
  ca?: string;
  timeoutMs?: number;
}

export function request(method: string, url: string, opts: RequestOptions = {}): Promise<{ status: number; body: any; bytes: Buffer }> {
  const payload = opts.raw ?? (opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body)));
  const u = new URL(url);
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      u,
      {
        method,
        ...(opts.ca ? { ca: opts.ca } : {}),
        timeout: opts.timeoutMs ?? 30_000,
        headers: {
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(payload ? { 'content-type': opts.raw ? 'application/octet-stream' : 'application/json', 'content-length': payload.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          let body: unknown = null;
          try {
            body = JSON.parse(bytes.toString('utf8'));
          } catch {
            body = null;
          }
          resolve({ status: res.statusCode ?? 0, body, bytes });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    req.on('error', reject);
    req.end(payload);
  });
}
