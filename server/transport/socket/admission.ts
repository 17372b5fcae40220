// Who gets a socket. The centre's own devices and staff always do: only sockets that joined
// are counted, and only phones' (anonymous) sockets against a limit, in total and per
// address. Handshakes that never join (a burst of polling handshakes) are capped per address
// and dropped after the connect timeout, except from an address where a device or staff
// member has connected recently, so a crowd behind the kiosk's router cannot shut it out.
import type { IncomingMessage } from 'node:http';
import type { QueueServer, QueueSocket } from './socket-session';

export interface AdmissionLimits {
  phoneSockets: number;
  phoneSocketsPerAddress: number;
  pendingHandshakesPerAddress: number;
}

/** How long an address stays trusted after a device or staff socket joined from it. */
const TRUSTED_FOR_MS = 24 * 3_600_000;

function increment(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

export class SocketAdmission {
  private pending = new Map<string, number>();
  private phonesFrom = new Map<string, number>();
  private phones = 0;
  private trusted = new Map<string, number>();

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly clock: () => number,
  ) {}

  /** engine.io's allowRequest: a new handshake (an upgrade of an existing one always passes). */
  allowRequest(req: IncomingMessage): boolean {
    if (new URL(req.url ?? '/', 'http://x').searchParams.has('sid')) return true;
    const address = req.socket.remoteAddress ?? '';
    const trustedAt = this.trusted.get(address);
    if (trustedAt !== undefined && this.clock() - trustedAt < TRUSTED_FOR_MS) return true;
    return (this.pending.get(address) ?? 0) < this.limits.pendingHandshakesPerAddress;
  }

  /** Every engine connection is pending until its socket joins, or gone when it closes. */
  track(io: QueueServer): void {
    io.engine.on('connection', (conn: { remoteAddress: string; once(e: 'close', f: () => void): void; joined?: boolean }) => {
      const address = conn.remoteAddress;
      increment(this.pending, address, 1);
      conn.once('close', () => {
        if (!conn.joined) increment(this.pending, address, -1);
      });
    });
  }

  /** null when the socket may join; otherwise the refusal the client hears. */
  admit(socket: QueueSocket): string | null {
    if (socket.data.principal.role !== 'public') return null;
    const address = socket.handshake.address;
    if (this.phones >= this.limits.phoneSockets || (this.phonesFrom.get(address) ?? 0) >= this.limits.phoneSocketsPerAddress) return 'too-many-connections';
    return null;
  }

  joined(socket: QueueSocket): void {
    const conn = socket.conn as unknown as { joined?: boolean };
    const address = socket.handshake.address;
    if (!conn.joined) {
      conn.joined = true;
      increment(this.pending, address, -1);
    }
    if (socket.data.principal.role !== 'public') {
      this.trusted.set(address, this.clock());
      return;
    }
    this.phones++;
    increment(this.phonesFrom, address, 1);
    socket.once('disconnect', () => {
      this.phones--;
      increment(this.phonesFrom, address, -1);
    });
  }
}
