// A real server for tests: real sockets on a free port, a real data folder in /tmp,
// typed socket.io clients, and helpers to sign in and pair devices like people do.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents } from '@protocol/api';
import type { ServerToClientEvents, Snapshot } from '@protocol/events';
import { createApp, type App, type AppDeps } from '../../server/app';
import { loadSettings } from '../../server/settings';
import type { TicketPrinter } from '../../server/devices/printer';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export const ADMIN_PASSWORD = 'admin-test-password';

/** A printer that accepts everything, for tests about the queue rather than paper. */
export function acceptingPrinter(): TicketPrinter & { printed: string[] } {
  const printed: string[] = [];
  return {
    printed,
    description: 'test printer',
    async print(job) {
      printed.push(job.label);
    },
    async status() {
      return 'ok';
    },
    async close() {},
  };
}

export interface TestServer {
  app: App;
  url: string;
  dataDir: string;
  login(username?: string, password?: string): Promise<string>;
  pair(deviceId: string): Promise<string>;
  /** A connected client that has received its first snapshot. */
  client(token?: string): Promise<{ socket: TestClient; snapshot: Snapshot | null }>;
  http(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>;
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export async function startTestServer(opts: { dataDir?: string; deps?: Partial<AppDeps>; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'qms-test-')));
  const settings = loadSettings({ QMS_DATA_DIR: dataDir, PORT: '0', QMS_HOST: '127.0.0.1', QMS_ADMIN_PASSWORD: ADMIN_PASSWORD, QMS_LOG_LEVEL: 'silent', ...opts.env });
  const distDir = fileURLToPath(new URL('../../dist', import.meta.url));
  const app = await createApp({ settings, logger: pino({ level: 'silent' }), printer: acceptingPrinter(), distDir, ...opts.deps });
  const port = await app.listen();
  const url = `http://127.0.0.1:${port}`;
  const sockets: TestClient[] = [];

  const http = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(url + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as any };
  };

  // The sample staff must replace 'doimatkhau' at their first sign-in; login() does it as a
  // person would, with a password derived from the name, and remembers it for the next time.
  const passwords = new Map<string, string>();
  const login = async (username = 'admin', password = passwords.get(username) ?? (username === 'admin' ? ADMIN_PASSWORD : 'doimatkhau')) => {
    const res = await http('POST', '/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.mustChangePassword) {
      const newPassword = `${username}-mat-khau-rieng`;
      const changed = await http('POST', '/api/auth/password', { currentPassword: password, newPassword }, res.body.token);
      if (changed.status !== 200) throw new Error(`password change ${username}: ${changed.status} ${JSON.stringify(changed.body)}`);
      passwords.set(username, newPassword);
    }
    return res.body.token as string;
  };

  // One sign-in shared by every pairing, even when several start at once: parallel sign-ins
  // for one name count against its lock-out like wrong ones until they are checked.
  let adminToken: Promise<string> | undefined;
  const pair = async (deviceId: string) => {
    adminToken ??= login();
    const code = await http('POST', '/api/devices/pairing-codes', { deviceId }, await adminToken);
    const res = await http('POST', '/api/devices/pair', { code: code.body.code });
    if (res.status !== 201) throw new Error(`pair ${deviceId}: ${res.status}`);
    return res.body.token as string;
  };

  const client = (token?: string) =>
    new Promise<{ socket: TestClient; snapshot: Snapshot | null }>((resolve, reject) => {
      const socket: TestClient = ioClient(url, { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
      sockets.push(socket);
      // A phone (no token) gets no snapshot: it is connected once the socket is.
      if (token) socket.once('state:snapshot', (snapshot) => resolve({ socket, snapshot }));
      else socket.once('connect', () => resolve({ socket, snapshot: null }));
      socket.once('connect_error', reject);
    });

  return {
    app,
    url,
    dataDir,
    login,
    pair,
    client,
    http,
    async close(closeOpts = {}) {
      for (const s of sockets) s.close();
      await app.close();
      if (!opts.dataDir && !closeOpts.keepData) await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** Resolves with the next event of that name on the socket. */
export function nextEvent<E extends keyof ServerToClientEvents>(socket: TestClient, event: E, timeoutMs = 5000): Promise<Parameters<ServerToClientEvents[E]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event as never, ((...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args as Parameters<ServerToClientEvents[E]>);
    }) as never);
  });
}
