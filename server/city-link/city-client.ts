// Requests to the city over HTTPS (the city's certificate checked against QMS_CITY_CA when
// given, else the system's authorities), keep-alive, each with a deadline: a city that is
// slow or gone makes a request fail, never wait.
import { readFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LinkTarget } from './link-settings';

const TIMEOUT_MS = 20_000;

export class CityRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly body?: { code?: string; messageVi?: string; details?: { path: string; message: string }[] },
  ) {
    super(message);
  }
}

export class CityClient {
  private readonly https: HttpsAgent;
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: 2 });

  constructor(caFile?: string) {
    this.https = new HttpsAgent({ keepAlive: true, maxSockets: 2, ...(caFile ? { ca: readFileSync(caFile) } : {}) });
  }

  request(target: LinkTarget, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: Buffer; headers: Record<string, string | string[] | undefined> }> {
    const url = new URL(path, target.url);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method,
          agent: secure ? this.https : this.http,
          timeout: TIMEOUT_MS,
          headers: {
            authorization: `Bearer ${target.token}`,
            accept: 'application/json',
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new CityRequestError('Máy chủ thành phố không trả lời.')));
      req.on('error', (err) => reject(err instanceof CityRequestError ? err : new CityRequestError(describeNetworkError(err as NodeJS.ErrnoException))));
      req.end(payload);
    });
  }

  /** JSON in, JSON out; anything but 2xx is a CityRequestError carrying the city's refusal. */
  async json<T>(target: LinkTarget, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await this.request(target, method, path, body);
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(res.body.toString('utf8'));
    } catch {
      // An answer that is not JSON (a proxy's error page): reported by status below.
    }
    if (res.status < 200 || res.status >= 300) {
      const refusal = (parsed ?? {}) as CityRequestError['body'];
      throw new CityRequestError(refusal?.messageVi ?? `Máy chủ thành phố trả lời mã ${res.status}.`, res.status, refusal);
    }
    return parsed as T;
  }

  close(): void {
    this.https.destroy();
    this.http.destroy();
  }
}

function describeNetworkError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'Máy chủ thành phố từ chối kết nối (chưa chạy hoặc sai cổng).';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'Không tìm thấy máy chủ thành phố (kiểm tra địa chỉ và mạng).';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'Kết nối tới thành phố bị ngắt.';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'CERT_HAS_EXPIRED':
      return `Chứng chỉ của máy chủ thành phố không được tin cậy (${err.code}); đặt QMS_CITY_CA là tệp chứng chỉ thành phố cấp.`;
    default:
      return `Không kết nối được tới thành phố (${err.code ?? err.message}).`;
  }
}
