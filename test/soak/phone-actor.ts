// A citizen's phone that scanned the QR code on the ticket: it follows that one ticket over
// the public socket (watching again after every reconnect, as the ticket page does) and
// may rate from the phone once served.
import { connect, type Connection } from '../../client/connection';
import type { PublicTicketView } from '@protocol/events';
import type { Random } from '../../server/simulator/seeded-random';
import type { Ledger } from './ledger';
import { citizenRating } from './terminal-actor';
import { sleep, trackedSend } from './tracked-send';

export class PhoneActor {
  readonly conn: Connection;
  view: PublicTicketView | null = null;
  /** Other citizens' tickets this phone was sent (it must get none: a ticket id is enough to rate it). */
  readonly foreignTickets = new Set<string>();

  constructor(
    readonly actor: string,
    url: string,
    readonly ticketId: string,
    private readonly ledger: Ledger,
    private readonly rng: Random,
  ) {
    this.conn = connect({ url });
    this.conn.socket.on('connect', () => void this.watch());
    this.conn.onTicket((t) => {
      if (t.id === ticketId) this.view = t;
    });
    this.conn.subscribe((data) => {
      for (const id of Object.keys(data.state?.tickets ?? {})) if (id !== ticketId) this.foreignTickets.add(id);
    });
  }

  private async watch(): Promise<void> {
    const res = await this.conn.send('ticket:watch', { ticketId: this.ticketId });
    if (res.ok) this.view = res.data;
  }

  /** Resolves when the citizen's visit is over (served and rated or not, or absent). */
  async run(running: () => boolean): Promise<void> {
    const ratesOnPhone = this.rng.chance(0.35);
    while (running()) {
      const view = this.view;
      if (view?.status === 'no-show') return;
      if (view?.status === 'done') {
        if (!ratesOnPhone || !view.canRate) return;
        await sleep(this.rng.int(300, 2500));
        if (!running() || !this.view?.canRate) return;
        const rating = citizenRating(this.rng);
        const sentAt = Date.now();
        const res = await trackedSend(this.conn, 'ticket:rate', { ticketId: this.ticketId, ...rating });
        if (!res) continue; // offline: the citizen tries again when the page is back
        this.ledger.add(this.actor, { type: 'rate', ticketId: this.ticketId, ...rating, via: 'phone' }, res.outcome, sentAt);
        return;
      }
      await sleep(100);
    }
  }

  close(): void {
    this.conn.close();
  }
}
