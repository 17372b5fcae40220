// A network printer's raw port (JetDirect / AppSocket, usually 9100): bytes in both
// directions over one TCP connection, which the printer reads in order.
import net from 'node:net';
import { ByteInbox, withTimeout } from './byte-inbox';
import type { PrinterConnector, PrinterLink } from './printer-link';

export function tcpConnector(host: string, port: number): PrinterConnector {
  return {
    description: `máy in mạng ${host}:${port}`,
    transferMs: () => 0,
    async open(timeoutMs) {
      const socket = net.connect({ host, port });
      socket.setNoDelay(true);
      const inbox = new ByteInbox();
      socket.on('data', (chunk) => inbox.push(chunk));
      socket.on('error', (err) => inbox.fail(err));
      socket.on('close', () => inbox.fail(new Error(`${host}:${port} closed the connection`)));
      await withTimeout(
        new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('error', reject);
        }),
        timeoutMs,
        `connect to ${host}:${port}`,
        () => socket.destroy(),
      );
      return tcpLink(socket, inbox);
    },
  };
}

function tcpLink(socket: net.Socket, inbox: ByteInbox): PrinterLink {
  return {
    inbox,
    write: (data, timeoutMs) =>
      withTimeout(
        new Promise<void>((resolve, reject) => socket.write(data, (err) => (err ? reject(err) : resolve()))),
        timeoutMs,
        'send to printer',
        () => socket.destroy(),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve();
        // end() lets queued bytes go out before the FIN; destroy() if the peer never closes.
        const timer = setTimeout(() => socket.destroy(), 2000);
        socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        socket.end();
      }),
  };
}
