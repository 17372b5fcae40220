// A serial ESC/POS printer on one end of a socat pseudo-terminal pair: the code under
// test opens the other end as `serial:<a>` (or `usb:<a>`, the same file-like device path).
import { SerialPort } from 'serialport';
import { EmulatedPrinter, type EmulatedStatus } from './emulated-printer';
import { openPtyPair } from '../serial/pty-pair';

export interface PtyPrinterEmulator {
  /** The device path the code under test opens. */
  devicePath: string;
  printer: EmulatedPrinter;
  close(): Promise<void>;
}

export async function startPtyPrinter(opts: { status?: EmulatedStatus; baudRate?: number } = {}): Promise<PtyPrinterEmulator> {
  const pty = await openPtyPair();
  const printer = new EmulatedPrinter(opts.status ?? 'ok');
  const port = new SerialPort({ path: pty.b, baudRate: opts.baudRate ?? 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  // A pty has no connection to open or close: the printer side lives as long as the pair.
  const receive = printer.connection();
  port.on('data', (chunk: Buffer) => {
    const reply = receive(chunk);
    if (reply.length > 0) port.write(reply);
  });
  return {
    devicePath: pty.a,
    printer,
    async close() {
      await new Promise<void>((resolve) => port.close(() => resolve()));
      await pty.close();
    },
  };
}
