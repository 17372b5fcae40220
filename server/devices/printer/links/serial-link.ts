// A printer on an RS-232 line (or a USB-serial adapter): serialport 13, loaded when the line
// is first opened (its native binding is memory a centre with a network printer never needs).
import { ByteInbox, withTimeout } from './byte-inbox';
import type { PrinterConnector } from './printer-link';

export function serialConnector(path: string, baudRate: number): PrinterConnector {
  return {
    description: `máy in cổng nối tiếp ${path} (${baudRate} baud)`,
    // 8N1: ten bits on the wire per byte.
    transferMs: (bytes) => Math.ceil((bytes * 10 * 1000) / baudRate),
    async open(timeoutMs) {
      const { SerialPort } = await import('serialport');
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      const inbox = new ByteInbox();
      port.on('data', (chunk: Buffer) => inbox.push(chunk));
      port.on('error', (err) => inbox.fail(err));
      port.on('close', () => inbox.fail(new Error(`${path} closed`)));
      await withTimeout(
        new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve()))),
        timeoutMs,
        `open ${path}`,
        () => port.isOpen && port.close(),
      );
      return {
        inbox,
        write: (data, ms) =>
          withTimeout(
            new Promise<void>((resolve, reject) => {
              port.write(data, (err) => err && reject(err));
              port.drain((err) => (err ? reject(err) : resolve()));
            }),
            ms,
            `send to ${path}`,
          ),
        close: () =>
          new Promise<void>((resolve) => {
            if (!port.isOpen) return resolve();
            port.close(() => resolve());
          }),
      };
    },
  };
}
