// A staff member at a counter, working from what the console shows (the counter's view,
// kept current by the server): call the next citizen, serve them for a while, then finish,
// mark absent, send to another field or counter, call again; call back by number a citizen
// marked absent who returns; now and then a short pause.
// One command at a time, like a person at one console.
import type { Connection } from '../../client/connection';
import type { InputOf, SocketOperationName } from '@protocol/api';
import type { CallResult } from '@protocol/events';
import type { Random } from '../../server/simulator/seeded-random';
import type { Ledger, SoakCommand } from './ledger';
import { isOnline, sleep, trackedSend } from './tracked-send';

/** Fields a transfer may send a citizen to: each is served by one of the staffed counters. */
const TRANSFER_FIELDS = ['chung-thuc', 'ho-tich', 'dat-dai', 'xay-dung', 'tu-phap', 'kinh-doanh', 'bao-tro-xa-hoi'];

type CounterCommand = Extract<SocketOperationName, `counter:${string}`>;

export interface StaffTiming {
  /** Median time a citizen spends at the desk, in ms (lognormal around it). */
  serviceMedianMs: number;
}

export class StaffActor {
  readonly actor: string;
  private servingTicket: string | null = null;
  private serveUntil = 0;
  private pausedUntil = 0;
  /** Citizens this counter marked absent, and when each comes back to the desk. */
  private readonly absent: { ticketId: string; label: string; backAt: number }[] = [];

  constructor(
    private readonly conn: Connection,
    readonly counterId: number,
    private readonly ledger: Ledger,
    private readonly rng: Random,
    private readonly timing: StaffTiming,
    private readonly otherCounters: number[],
    /** The fields this counter serves (its waiting list on the console). */
    private readonly serves: string[],
  ) {
    this.actor = `staff-${counterId}`;
  }

  async run(running: () => boolean): Promise<void> {
    while (running()) await this.step();
  }

  /** End of the day: the citizen at the desk is finished; the line stays for tomorrow's report. */
  async finishDay(deadline: number): Promise<void> {
    while (Date.now() < deadline) {
      if (!(await this.ready())) continue;
      const current = this.conn.data.counter?.current;
      if (!current) return;
      await this.send('counter:finish', { counterId: this.counterId }, { type: 'finish', counterId: this.counterId, ticketId: current.ticketId });
    }
    throw new Error(`${this.actor} could not finish its last ticket before the deadline`);
  }

  /** Signed in and looking at a fresh console; false after a short wait otherwise. */
  private async ready(): Promise<boolean> {
    if (!isOnline(this.conn) || !this.conn.data.snapshot) {
      await sleep(100);
      return false;
    }
    if (this.conn.data.snapshot.you.counterId !== this.counterId || this.conn.data.counter?.status === 'closed') {
      // After a restart the session may not remember the counter (killed between opening it
      // and saving the session): the console shows the counter picker again.
      await this.send('counter:sign-in', { counterId: this.counterId }, { type: 'sign-in', counterId: this.counterId });
      return false;
    }
    if (this.conn.data.counter === null) {
      await sleep(100);
      return false;
    }
    return true;
  }

  private async step(): Promise<void> {
    if (!(await this.ready())) return;
    const view = this.conn.data.counter!;
    const counterId = this.counterId;
    if (view.status === 'paused') {
      if (Date.now() < this.pausedUntil) return sleep(100);
      await this.send('counter:resume', { counterId }, { type: 'resume', counterId });
      return;
    }
    const current = view.current;
    if (!current) {
      if (this.rng.chance(0.01)) {
        this.pausedUntil = Date.now() + this.rng.int(800, 2500);
        await this.send('counter:pause', { counterId, reason: 'Đi họp' }, { type: 'pause', counterId, reason: 'Đi họp' });
        return;
      }
      const back = this.absent.findIndex((a) => a.backAt <= Date.now());
      if (back >= 0) {
        const { ticketId, label } = this.absent.splice(back, 1)[0];
        await this.send('counter:call-number', { counterId, label }, { type: 'call-number', counterId, label, ticketId });
        return;
      }
      // Staff press "next" when their waiting list shows someone; another counter may be quicker.
      if (!this.someoneWaiting()) return sleep(100);
      const res = await this.send('counter:call-next', { counterId }, { type: 'call-next', counterId });
      if (res === 'queue-empty') await sleep(this.rng.int(100, 300));
      return;
    }
    if (this.servingTicket !== current.ticketId) {
      this.servingTicket = current.ticketId;
      this.serveUntil = Date.now() + this.rng.lognormal(this.timing.serviceMedianMs, 0.5);
    }
    if (Date.now() < this.serveUntil) return sleep(Math.min(100, this.serveUntil - Date.now()));
    const ticketId = current.ticketId;
    const roll = this.rng.next();
    if (roll < 0.06) {
      // Called again for a citizen who has not come up yet; a little more waiting.
      this.serveUntil = Date.now() + this.timing.serviceMedianMs / 2;
      await this.send('counter:recall', { counterId }, { type: 'recall', counterId, ticketId });
    } else if (roll < 0.13) {
      const requeue = this.rng.chance(0.5);
      const res = await this.send('counter:no-show', { counterId, requeue }, { type: 'no-show', counterId, ticketId, requeue });
      // Some come back later and are called again by their number.
      if (res === 'ok' && !requeue && this.rng.chance(0.5)) this.absent.push({ ticketId, label: current.label, backAt: Date.now() + this.rng.int(5000, 40_000) });
    } else if (roll < 0.19) {
      // Sent to a counter, only one that serves the citizen's field: the server refuses others.
      const config = this.conn.data.snapshot?.config;
      const serving = this.otherCounters.filter((id) => config?.counters.some((c) => c.id === id && c.serviceIds.includes(current.serviceId)));
      const to = serving.length > 0 && this.rng.chance(0.3)
        ? { toCounterId: serving[this.rng.int(0, serving.length - 1)] }
        : { toServiceId: TRANSFER_FIELDS[this.rng.int(0, TRANSFER_FIELDS.length - 1)] };
      await this.send('counter:transfer', { counterId, ...to }, { type: 'transfer', counterId, ticketId, ...to });
    } else {
      await this.send('counter:finish', { counterId }, { type: 'finish', counterId, ticketId });
    }
  }

  private someoneWaiting(): boolean {
    const state = this.conn.data.state;
    if (!state) return false;
    for (const [serviceId, line] of Object.entries(state.waiting)) {
      for (const id of line) {
        const target = state.tickets[id]?.targetCounterId;
        if (target === this.counterId || (target === undefined && this.serves.includes(serviceId))) return true;
      }
    }
    return false;
  }

  /** Sends and writes it down; returns the refusal code, 'in-doubt', 'ok' or null (offline). */
  private async send<E extends CounterCommand>(event: E, payload: InputOf<E>, command: SoakCommand): Promise<string | null> {
    const sentAt = Date.now();
    const snapshotBefore = this.conn.data.snapshot;
    const res = await trackedSend(this.conn, event, payload);
    if (!res) return null;
    if (res.ok && command.type === 'call-next') command.ticketId = (res.data as CallResult).ticketId;
    this.ledger.add(this.actor, command, res.outcome, sentAt);
    if (res.outcome.kind === 'in-doubt') {
      // Whether it happened shows on the console once it has the server's state again.
      const until = Date.now() + 1500;
      while (Date.now() < until && (this.conn.data.snapshot === snapshotBefore || !isOnline(this.conn))) await sleep(50);
      return 'in-doubt';
    }
    return res.outcome.kind === 'ok' ? 'ok' : res.outcome.code;
  }
}
