// Two networks: the citizens' side (127.0.0.2) serves the ticket page, phones, look-up and the
// hall's devices; the staff side (127.0.0.3) everything. A staff route asked on the citizens'
// side answers 404, and a staff sign-in there is refused, over HTTP and over a socket.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app';
import { loadSettings } from '../../server/settings';
import { pino } from 'pino';
import { acceptingPrinter, ADMIN_PASSWORD } from '../support/server';

let app: App;
let dataDir: string;
let citizens: string;
let staff: string;

async function call(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* a page */
  }
  return { status: res.status, body: parsed };
}

function socketAnswer(base: string, token?: string): Promise<string> {
  return new Promise((resolve) => {
    const s = ioClient(base, { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('connect', () => (s.close(), resolve('connected')));
    s.once('connect_error', (err) => (s.close(), resolve(err.message)));
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'qms-two-networks-'));
  const settings = loadSettings({
    QMS_DATA_DIR: dataDir, QMS_ADMIN_PASSWORD: ADMIN_PASSWORD, QMS_LOG_LEVEL: 'silent',
    QMS_PUBLIC_LISTEN: '127.0.0.2:0', QMS_STAFF_LISTEN: '127.0.0.3:0',
  });
  app = await createApp({ settings, logger: pino({ level: 'silent' }), printer: acceptingPrinter() });
  await app.listen();
  staff = `http://127.0.0.3:${(app.http.address() as { port: number }).port}`;
  citizens = `http://127.0.0.2:${app.publicPort()}`;
});
afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the citizens\u2019 side and the staff side', () => {
  it('answers 404 for staff and manager routes on the citizens\u2019 side, and serves them on the staff side', async () => {
    const admin = (await call(staff, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).body.token as string;
    for (const [method, path] of [['GET', '/api/users'], ['GET', '/api/reports/today'], ['PUT', '/api/config'], ['POST', '/api/counters/5/next'], ['GET', '/api/backup'], ['GET', '/manager/']] as const) {
      const there = await call(citizens, method, path, method === 'PUT' ? {} : undefined, admin);
      expect(there.status, `${method} ${path}`).toBe(404);
    }
    expect((await call(staff, 'GET', '/api/users', undefined, admin)).status).toBe(200);
  });

  it('refuses a staff sign-in on the citizens\u2019 side, and a staff token brought there', async () => {
    expect((await call(citizens, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(404);
    const admin = (await call(staff, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).body.token as string;
    expect((await call(citizens, 'GET', '/api/state', undefined, admin)).status).toBe(401);
    expect(await socketAnswer(citizens, admin)).toBe('unauthorized');
    expect(await socketAnswer(staff, admin)).toBe('connected');
  });

  it('serves the hall on the citizens\u2019 side: pairing by code, the kiosk issuing, a phone following its ticket', async () => {
    const admin = (await call(staff, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).body.token as string;
    const { code } = (await call(staff, 'POST', '/api/devices/pairing-codes', { deviceId: 'kiosk-1' }, admin)).body;
    const paired = await call(citizens, 'POST', '/api/devices/pair', { code });
    expect(paired.status).toBe(201);
    const kiosk = ioClient(citizens, { auth: { token: paired.body.token }, transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise((r) => kiosk.once('state:snapshot', r));
    const issued = await kiosk.emitWithAck('ticket:issue', { serviceId: 'ho-tich' });
    kiosk.close();
    expect(issued).toMatchObject({ ok: true });
    expect((await call(citizens, 'GET', `/api/tickets/${issued.data.id}`)).status).toBe(200);
    expect((await call(citizens, 'GET', '/api/procedures?q=khai+sinh')).status).toBe(200);
    expect(await socketAnswer(citizens)).toBe('connected');
    // The QR code on the ticket leads to the citizens' side.
    expect(issued.data.url).toContain(`:${app.publicPort()}/`);
  });
});

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// scripts/test.mjs says loudly when openssl is missing (and CI refuses to skip).
describe.skipIf(!hasOpenssl)('HTTPS with the centre\u2019s certificate', () => {
  let tlsApp: App;
  let tlsDir: string;
  let port: number;
  beforeAll(async () => {
    tlsDir = await mkdtemp(join(tmpdir(), 'qms-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(tlsDir, 'key.pem'), '-out', join(tlsDir, 'cert.pem')], { stdio: 'ignore' });
    const settings = loadSettings({
      QMS_DATA_DIR: tlsDir, PORT: '0', QMS_HOST: '127.0.0.1', QMS_ADMIN_PASSWORD: ADMIN_PASSWORD, QMS_LOG_LEVEL: 'silent',
      QMS_TLS_CERT: join(tlsDir, 'cert.pem'), QMS_TLS_KEY: join(tlsDir, 'key.pem'),
    });
    tlsApp = await createApp({ settings, logger: pino({ level: 'silent' }), printer: acceptingPrinter() });
    port = await tlsApp.listen();
  });
  afterAll(async () => {
    await tlsApp.close();
    await rm(tlsDir, { recursive: true, force: true });
  });

  it('answers over TLS and redirects plain HTTP on the same port to https://', async () => {
    const plain = await fetch(`http://127.0.0.1:${port}/api/health?x=1`, { redirect: 'manual' });
    expect(plain.status).toBe(308);
    expect(plain.headers.get('location')).toBe(`https://127.0.0.1:${port}/api/health?x=1`);
    const ca = readFileSync(join(tlsDir, 'cert.pem'));
    const health = await new Promise<{ status: number; body: string; encrypted: boolean }>((resolve, reject) => {
      const req = httpsRequest(`https://127.0.0.1:${port}/api/health`, { ca, agent: false }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, encrypted: 'encrypted' in res.socket }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body).status).toBe('ok');
    expect(health.encrypted).toBe(true);
  });
});
