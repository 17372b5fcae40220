// The network between the centres and the city: a TCP relay on loopback that can be cut
// (every connection dropped, new ones refused) and restored, and that can slow the line so
// a backlog takes long enough to kill the city in the middle of it.
import net from 'node:net';

export class LinkProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  /** Milliseconds each chunk waits before it is passed on. */
  delayMs = 0;

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** Starts (or restores) the line. */
  open(): Promise<void> {
    if (this.server) return Promise.resolve();
    const server = net.createServer((inbound) => {
      const outbound = net.connect(this.target);
      this.track(inbound);
      this.track(outbound);
      this.pipe(inbound, outbound);
      this.pipe(outbound, inbound);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** Cuts the line: open connections are reset and nobody can connect until open(). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private track(s: net.Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
    s.on('error', () => s.destroy());
  }

  private pipe(from: net.Socket, to: net.Socket): void {
    from.on('data', (chunk) => {
      if (this.delayMs === 0) to.write(chunk);
      else {
        from.pause();
        setTimeout(() => {
          to.write(chunk);
          from.resume();
        }, this.delayMs);
      }
    });
    from.on('end', () => to.end());
    from.on('close', () => to.destroy());
  }
}
