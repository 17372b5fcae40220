// One serial port that stays open: when it disappears (USB adapter unplugged, converter powered
// off) it is reopened every retryMs until it is back. While open, the device path is checked
// every retryMs too: serialport notices a read error, but on a pseudo-terminal whose other end
// went away its reader loops on empty reads and never reports it. Keypads and LED displays on one RS-485
// bus share the port, so each path is opened once and shared by everyone who asks for it.
import { stat } from 'node:fs/promises';
import type { SerialPort } from 'serialport';

export interface DeviceLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface SerialLineOptions {
  baudRate: number;
  /** Wait between attempts to reopen a missing port. */
  retryMs?: number;
  logger?: DeviceLogger;
}

export interface SerialLine {
  readonly isOpen: boolean;
  /** Sends now, or drops the bytes when the port is away (callers resend state on reopen). */
  write(bytes: Buffer): boolean;
  onData(listener: (chunk: Buffer) => void): () => void;
  /** Called on every (re)open and loss; `open` tells which. */
  onStatus(listener: (open: boolean) => void): () => void;
  /** Gives up this user's share; the port closes when the last user releases it. */
  release(): Promise<void>;
}

const DEFAULT_RETRY_MS = 2000;

const shared = new Map<string, { port: ReconnectingPort; users: number }>();

export function acquireSerialLine(path: string, options: SerialLineOptions): SerialLine {
  let entry = shared.get(path);
  if (entry && entry.port.baudRate !== options.baudRate) {
    throw new Error(`${path} is already open at ${entry.port.baudRate} baud, not ${options.baudRate}`);
  }
  if (!entry) {
    entry = { port: new ReconnectingPort(path, options), users: 0 };
    shared.set(path, entry);
  }
  entry.users++;
  const { port } = entry;
  const unsubscribe: (() => void)[] = [];
  let released = false;
  return {
    get isOpen() {
      return port.isOpen;
    },
    write: (bytes) => !released && port.write(bytes),
    onData(listener) {
      const off = port.subscribe(port.dataListeners, listener);
      unsubscribe.push(off);
      return off;
    },
    onStatus(listener) {
      const off = port.subscribe(port.statusListeners, listener);
      unsubscribe.push(off);
      return off;
    },
    async release() {
      if (released) return;
      released = true;
      unsubscribe.forEach((off) => off());
      if (--entry.users === 0) {
        shared.delete(path);
        await port.close();
      }
    },
  };
}

class ReconnectingPort {
  readonly baudRate: number;
  readonly dataListeners = new Set<(chunk: Buffer) => void>();
  readonly statusListeners = new Set<(open: boolean) => void>();
  private port: SerialPort | null = null;
  private retry: NodeJS.Timeout | null = null;
  private presence: NodeJS.Timeout | null = null;
  private closed = false;
  private lastProblem = '';
  private readonly retryMs: number;
  private readonly logger?: DeviceLogger;

  constructor(
    private readonly path: string,
    options: SerialLineOptions,
  ) {
    this.baudRate = options.baudRate;
    this.retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
    this.logger = options.logger;
    this.connect();
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  subscribe<T>(set: Set<T>, listener: T): () => void {
    set.add(listener);
    return () => set.delete(listener);
  }

  write(bytes: Buffer): boolean {
    if (!this.port?.isOpen) return false;
    this.port.write(bytes);
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.presence) clearInterval(this.presence);
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private connect(): void {
    // serialport's native binding is loaded with the first line a centre configures.
    import('serialport')
      .then(({ SerialPort }) => this.open(new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false })))
      .catch((error: Error) => this.scheduleRetry(error.message));
  }

  private open(port: SerialPort): void {
    if (this.closed) return;
    // Errors also arrive through open()'s callback and 'close'; this keeps them from being unhandled.
    port.on('error', (error) => this.logger?.warn({ err: error, path: this.path }, 'serial port error'));
    port.open((error) => {
      if (error) return this.scheduleRetry(error.message);
      if (this.closed) return port.close();
      this.port = port;
      this.lastProblem = '';
      this.logger?.info({ path: this.path, baudRate: this.baudRate }, 'serial port open');
      port.on('data', (chunk: Buffer) => this.dataListeners.forEach((l) => l(chunk)));
      port.on('close', (reason?: Error) => {
        if (this.port !== port) return;
        this.port = null;
        if (this.presence) clearInterval(this.presence);
        this.statusListeners.forEach((l) => l(false));
        this.scheduleRetry(reason?.message ?? 'device path disappeared');
      });
      this.presence = setInterval(() => {
        stat(this.path).catch(() => {
          if (this.port === port && port.isOpen) port.close();
        });
      }, this.retryMs);
      this.presence.unref();
      this.statusListeners.forEach((l) => l(true));
    });
  }

  private scheduleRetry(problem: string): void {
    if (this.closed) return;
    // One line per new problem, not one every retryMs while the port stays away.
    if (problem !== this.lastProblem) this.logger?.warn({ path: this.path, problem, retryMs: this.retryMs }, 'serial port unavailable, will retry');
    this.lastProblem = problem;
    this.retry = setTimeout(() => this.connect(), this.retryMs);
    this.retry.unref();
  }
}
