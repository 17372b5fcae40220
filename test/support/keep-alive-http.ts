// A keep-alive node:http client, as the kiosks and staff consoles hold their connections:
// many requests in a row on one socket, JSON in and out.
import http from 'node:http';

export interface JsonAnswer {
  status: number;
  body: any;
}

/** An answer's status, headers and body: JSON when it parses, else the text. */
export function readAnswer(res: http.IncomingMessage): Promise<JsonAnswer & { headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON: keep the text */
      }
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
    });
    res.on('error', reject);
  });
}

export function keepAliveClient(baseUrl: string, token?: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(baseUrl);
  // The server closes a connection idle for 5 s; a request sent on it at that moment never
  // reached the server and is sent again on a new one (as Node's documentation advises).
  const request = (method: string, path: string, body?: unknown): Promise<JsonAnswer> =>
    send(method, path, body).catch((err: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
      if (err.reusedSocket && err.code === 'ECONNRESET') return send(method, path, body);
      throw err;
    });
  const send = (method: string, path: string, body?: unknown) =>
    new Promise<JsonAnswer>((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: {
            ...(data !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => readAnswer(res).then(({ status, body: answer }) => resolve({ status, body: answer }), reject),
      );
      req.on('error', (err) => reject(Object.assign(err, { reusedSocket: req.reusedSocket })));
      req.end(data);
    });
  return { request, close: () => agent.destroy() };
}
