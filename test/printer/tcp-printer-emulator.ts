// A network ESC/POS printer on 127.0.0.1 for tests, end-to-end kiosk runs and benches:
//   const printer = await startTcpPrinter({ status: 'ok' });
//   createPrinter(`tcp://127.0.0.1:${printer.port}`, …); await printer.waitForTickets(1, 5000);
import net from 'node:net';
import { EmulatedPrinter, type EmulatedStatus } from './emulated-printer';

export interface TcpPrinterEmulator {
  port: number;
  /** The printer behind the port: status, paper left, counters. */
  emulated: EmulatedPrinter;
  /** Whole tickets received so far, each ending with its cut command. */
  tickets: Buffer[];
  /** performance.now() when each ticket's last byte arrived. */
  ticketArrivedAt: number[];
  /** TCP connections accepted so far. */
  connections(): number;
  /** DLE EOT requests received so far. */
  statusRequests(): number;
  setStatus(s: EmulatedStatus): void;
  waitForTickets(n: number, timeoutMs: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

export async function startTcpPrinter(opts: { status?: EmulatedStatus } = {}): Promise<TcpPrinterEmulator> {
  const printer = new EmulatedPrinter(opts.status ?? 'ok');
  const sockets = new Set<net.Socket>();
  const ticketArrivedAt: number[] = [];
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    const receive = printer.connection();
    socket.on('data', (chunk) => {
      const before = printer.tickets.length;
      const reply = receive(chunk);
      for (let i = before; i < printer.tickets.length; i++) ticketArrivedAt.push(performance.now());
      if (reply.length > 0) socket.write(reply);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    emulated: printer,
    tickets: printer.tickets,
    ticketArrivedAt,
    connections: () => connections,
    statusRequests: () => printer.statusRequests,
    setStatus: (s) => {
      printer.status = s;
    },
    waitForTickets: (n, timeoutMs) => printer.waitForTickets(n, timeoutMs),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
