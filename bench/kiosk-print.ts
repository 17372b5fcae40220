// From the kiosk's tap (its ticket:issue) to the last byte of that ticket accepted by a
// network printer (the TCP emulator, which answers status requests like a real one).
import { startTcpPrinter } from '../test/printer/tcp-printer-emulator';
import { startTestServer } from '../test/support/server';
import { percentile, type Figure } from './stats';

const TICKETS = 60;

export async function benchKioskPrint(): Promise<Figure[]> {
  const emulator = await startTcpPrinter();
  const server = await startTestServer({ env: { QMS_PRINTER: `tcp://127.0.0.1:${emulator.port}`, QMS_SOCKET_RATE_SCALE: '1000' }, deps: { printer: undefined } });
  try {
    const admin = await server.login();
    const config = (await server.http('GET', '/api/config', undefined, admin)).body;
    config.kiosk.ticketsPerMinute = 600;
    await server.http('PUT', '/api/config', config, admin);
    const kiosk = (await server.client(await server.pair('kiosk-1'))).socket;
    const times: number[] = [];
    const services = config.services.map((s: { id: string }) => s.id);
    for (let i = 0; i < TICKETS; i++) {
      const started = performance.now();
      const res = await kiosk.emitWithAck('ticket:issue', { serviceId: services[i % services.length] });
      if (!res.ok || !res.data.printed) throw new Error(`ticket not printed: ${JSON.stringify(res)}`);
      await emulator.waitForTickets(i + 1, 5000);
      times.push(emulator.ticketArrivedAt[i] - started);
    }
    const sizes = emulator.tickets.map((t) => t.length);
    return [
      { name: 'kiosk tap → last ticket byte at the network printer p50', value: percentile(times, 0.5), unit: 'ms' },
      { name: 'kiosk tap → last ticket byte at the network printer p95', value: percentile(times, 0.95), unit: 'ms', target: '≤ 250' },
      { name: 'ticket size on 80 mm paper, largest', value: Math.max(...sizes) / 1024, unit: 'KiB', target: '≤ 16' },
    ];
  } finally {
    await server.close();
    await emulator.close();
  }
}
