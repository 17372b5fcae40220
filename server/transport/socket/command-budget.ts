// Commands per second, by role, per socket; and for phones also per address, shared by every
// phone socket from it. Past the budget a command is answered rate-limited and never runs,
// so a flood from one socket neither slows the queue nor reaches the displays.
import { errorBody } from '@protocol/errors';
import type { Role } from '@protocol/events';
import { TokenBucket, type Budget } from '../token-bucket';
import type { QueueSocket } from './socket-session';

/** A person at a console presses a few keys a second; a phone asks about its ticket now and then. */
export const SOCKET_BUDGETS: Record<Role, Budget> = {
  public: { perSecond: 2, burst: 10 },
  kiosk: { perSecond: 5, burst: 20 },
  'counter-display': { perSecond: 5, burst: 20 },
  'central-display': { perSecond: 5, burst: 20 },
  'rating-terminal': { perSecond: 5, burst: 20 },
  staff: { perSecond: 5, burst: 20 },
  manager: { perSecond: 10, burst: 40 },
};
/** Every phone socket from one address together. */
export const PHONE_ADDRESS_BUDGET: Budget = { perSecond: 10, burst: 50 };

const MAX_IDLE_ADDRESSES = 10_000;

export class CommandBudgets {
  private addresses = new Map<string, { bucket: TokenBucket; sockets: number }>();

  constructor(
    /** QMS_SOCKET_RATE_SCALE: every budget times this. */
    private readonly scale = 1,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private scaled(b: Budget): Budget {
    return { perSecond: b.perSecond * this.scale, burst: b.burst * this.scale };
  }

  /** Installs the budget on a socket that has joined. */
  apply(socket: QueueSocket): void {
    const own = new TokenBucket(this.scaled(SOCKET_BUDGETS[socket.data.principal.role]), this.now());
    const shared = socket.data.principal.role === 'public' ? this.addressBucket(socket) : undefined;
    socket.use((packet, next) => {
      const now = this.now();
      if (own.take(now) && (!shared || shared.take(now))) return next();
      const ack = packet.at(-1);
      if (typeof ack === 'function') ack({ ok: false, error: errorBody('rate-limited') });
    });
  }

  private addressBucket(socket: QueueSocket): TokenBucket {
    const address = socket.handshake.address;
    let entry = this.addresses.get(address);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.scaled(PHONE_ADDRESS_BUDGET), this.now()), sockets: 0 };
      this.addresses.set(address, entry);
    }
    entry.sockets++;
    // The bucket outlives the sockets, so reconnecting does not refill it; idle ones go when many pile up.
    socket.once('disconnect', () => {
      entry.sockets--;
      if (this.addresses.size > MAX_IDLE_ADDRESSES) for (const [a, e] of this.addresses) if (e.sockets === 0) this.addresses.delete(a);
    });
    return entry.bucket;
  }
}
