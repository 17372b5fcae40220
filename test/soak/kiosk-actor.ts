// The kiosk in the hall: citizens arrive at a busy-day rate and take a number, one at a
// time, as at the real machine. It asks only while connected (the real kiosk shows its
// offline banner otherwise) and writes down every answer.
import type { Connection } from '../../client/connection';
import type { IssuedTicket } from '@protocol/events';
import type { Random } from '../../server/simulator/seeded-random';
import type { Ledger } from './ledger';
import { sleep, trackedSend } from './tracked-send';

/** Fields as citizens ask for them: the three busiest first (DOMAIN.md); Thuế has no staffed counter today. */
export const FIELD_DEMAND: [serviceId: string, weight: number][] = [
  ['chung-thuc', 24],
  ['ho-tich', 20],
  ['dat-dai', 20],
  ['xay-dung', 5],
  ['kinh-doanh', 6],
  ['bao-tro-xa-hoi', 5],
  ['tu-phap', 4],
  ['cong-an', 6],
  ['bhxh', 5],
  ['vpdk-dat-dai', 3],
  ['thue', 2],
];

const PRIORITY_CATEGORIES = ['nguoi-cao-tuoi', 'nguoi-khuyet-tat', 'phu-nu-co-thai', 'nguoi-co-cong', 'di-cung-tre-nho'];

/** Arrivals over the day, relative to the average: a morning peak (≈3× the quiet hours) and a smaller one after lunch. */
export function dayProfile(fraction: number): number {
  const bump = (centre: number, width: number) => Math.exp(-(((fraction - centre) / width) ** 2));
  return 0.45 + 1.3 * bump(0.25, 0.12) + 0.6 * bump(0.7, 0.1);
}

export class KioskActor {
  readonly issued: IssuedTicket[] = [];
  private readonly listeners: ((t: IssuedTicket) => void)[] = [];

  constructor(
    private readonly conn: Connection,
    private readonly ledger: Ledger,
    private readonly rng: Random,
    /** Average arrivals per second over the run. */
    private readonly arrivalsPerSecond: number,
  ) {}

  onIssued(listener: (t: IssuedTicket) => void): void {
    this.listeners.push(listener);
  }

  async run(dayFraction: () => number, running: () => boolean): Promise<void> {
    const weights = FIELD_DEMAND.map(([, w]) => w);
    while (running()) {
      const rate = this.arrivalsPerSecond * dayProfile(dayFraction());
      await sleep(Math.min(2000, -Math.log(1 - this.rng.next()) * (1000 / rate)));
      if (!running()) break;
      const serviceId = FIELD_DEMAND[this.rng.weighted(weights)][0];
      const priority = this.rng.chance(0.1);
      const payload = priority ? { serviceId, priorityCategoryId: PRIORITY_CATEGORIES[this.rng.int(0, PRIORITY_CATEGORIES.length - 1)] } : { serviceId };
      const sentAt = Date.now();
      const res = await trackedSend(this.conn, 'ticket:issue', payload);
      if (!res) continue; // offline: the citizen sees the banner and waits
      if (res.ok) {
        const t = res.data;
        this.ledger.add('kiosk-1', { type: 'issue', serviceId, priority, ticketId: t.id, label: t.label, printed: t.printed }, res.outcome, sentAt);
        this.issued.push(t);
        for (const l of this.listeners) l(t);
      } else {
        this.ledger.add('kiosk-1', { type: 'issue', serviceId, priority }, res.outcome, sentAt);
      }
    }
  }
}
