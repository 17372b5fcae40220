// A USB printer through Linux's own printer-class driver (usblp), which shows each
// plugged-in ESC/POS printer as /dev/usb/lpN. This is what works on a kiosk PC without
// extra setup: no libusb, no detaching the kernel driver, no udev rule for /dev/bus/usb;
// the kiosk user only needs to be in the `lp` group. Reading works for printers that
// talk back (bidirectional); for one-way ones reads fail with EINVAL and status is unknown.
import { constants, existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { ByteInbox, StatusUnreadableError, TimeoutError } from './byte-inbox';
import type { PrinterConnector, PrinterLink } from './printer-link';

const READ_POLL_MS = 15;
const WRITE_RETRY_MS = 10;

/** The first /dev/usb/lpN present now: printers get numbers in plug-in order. */
export function findUsbPrinterDevice(): string | null {
  for (let n = 0; n < 16; n++) if (existsSync(`/dev/usb/lp${n}`)) return `/dev/usb/lp${n}`;
  return null;
}

export function usblpConnector(devicePath: string | null): PrinterConnector {
  return {
    description: `máy in USB ${devicePath ?? '/dev/usb/lp*'}`,
    // USB full speed moves a ticket in milliseconds; the printer's own buffer is the limit.
    transferMs: (bytes) => Math.ceil(bytes / 4),
    async open() {
      const path = devicePath ?? findUsbPrinterDevice();
      if (!path) throw new Error('no USB printer found (/dev/usb/lp0 … lp15)');
      // Non-blocking: a read with nothing to say returns EAGAIN at once instead of parking
      // a libuv thread until the printer speaks; O_NOCTTY in case the path is a terminal.
      const fh = await open(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
      // A printer is a device; a path to an ordinary file would have tickets written into it.
      if (!(await fh.stat()).isCharacterDevice()) {
        await fh.close();
        throw new Error(`${path} is not a printer device`);
      }
      return usblpLink(fh, path);
    },
  };
}

function isCode(err: unknown, ...codes: string[]): boolean {
  return typeof err === 'object' && err !== null && codes.includes((err as NodeJS.ErrnoException).code ?? '');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function usblpLink(fh: FileHandle, path: string): PrinterLink {
  const inbox = new ByteInbox();
  let closed = false;
  const buf = Buffer.alloc(64);
  const reading = (async () => {
    while (!closed) {
      try {
        const { bytesRead } = await fh.read(buf, 0, buf.length, null);
        if (bytesRead > 0) {
          inbox.push(buf.subarray(0, bytesRead));
          continue;
        }
      } catch (err) {
        if (isCode(err, 'EINVAL')) {
          inbox.fail(new StatusUnreadableError(`${path}: the printer does not send status (one-way USB)`));
          return;
        }
        if (!isCode(err, 'EAGAIN', 'EWOULDBLOCK')) {
          inbox.fail(err as Error);
          return;
        }
      }
      await sleep(READ_POLL_MS);
    }
  })();

  return {
    inbox,
    async write(data, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let offset = 0;
      while (offset < data.length) {
        try {
          const { bytesWritten } = await fh.write(data, offset, data.length - offset, null);
          offset += bytesWritten;
          continue;
        } catch (err) {
          // EAGAIN: the driver still moves the previous chunk; the printer's buffer is full.
          if (!isCode(err, 'EAGAIN', 'EWOULDBLOCK')) throw err;
        }
        if (Date.now() > deadline) throw new TimeoutError(`send to ${path}`, timeoutMs);
        await sleep(WRITE_RETRY_MS);
      }
    },
    async close() {
      closed = true;
      await reading;
      await fh.close();
    },
  };
}
