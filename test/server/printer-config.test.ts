// Managers change the printer's connection in the configuration; the next ticket goes there.
import { afterEach, describe, expect, it } from 'vitest';
import { startTcpPrinter, type TcpPrinterEmulator } from '../printer/tcp-printer-emulator';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer | undefined;
let printer: TcpPrinterEmulator | undefined;
afterEach(async () => {
  await server?.close();
  await printer?.close();
});

describe('the printer connection in the configuration', () => {
  it('switches the kiosk printing to the network printer without a restart', async () => {
    printer = await startTcpPrinter();
    server = await startTestServer({ deps: { printer: undefined } });
    const admin = await server.login();
    const kiosk = await server.client(await server.pair('kiosk-1'));
    expect((await server.http('GET', '/api/health')).body.printerConnection).toContain('PNG');

    const config = (await server.http('GET', '/api/config', undefined, admin)).body;
    config.printer.connection = `tcp://127.0.0.1:${printer.port}`;
    expect((await server.http('PUT', '/api/config', config, admin)).status).toBe(200);
    const res = await kiosk.socket.emitWithAck('ticket:issue', { serviceId: 'ho-tich' });
    expect(res).toMatchObject({ ok: true, data: { printed: true } });
    expect(await printer.waitForTickets(1, 5000)).toHaveLength(1);
    expect((await server.http('GET', '/api/health')).body.printerConnection).toContain(String(printer.port));
  });

  it('refuses a connection it cannot understand and keeps the old one', async () => {
    server = await startTestServer({ deps: { printer: undefined } });
    const admin = await server.login();
    const config = (await server.http('GET', '/api/config', undefined, admin)).body;
    config.printer.connection = 'lpt1://nowhere';
    const res = await server.http('PUT', '/api/config', config, admin);
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ path: 'printer.connection' });
    expect((await server.http('GET', '/api/config', undefined, admin)).body.printer.connection).toBe('');
  });
});
