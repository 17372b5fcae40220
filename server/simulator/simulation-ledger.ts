// The simulator's own count of what it did: each visit, each service and each officer's
// time, written down as it acts and never read back from the journal. The report tests
// compare the report against it, so the two counts are made by different code.

export type LedgerServiceEnd = 'open' | 'finished' | 'transferred' | 'absent' | 'requeued';

export interface LedgerVisit {
  day: string;
  issuedField: string;
  /** The field it is in at the end (after transfers). */
  field: string;
  issuedAt: number;
  /** Local hour of issue. */
  hour: number;
  priority: boolean;
  firstCallAt?: number;
  transfers: number;
  end: 'served' | 'absent' | 'unserved';
}

export interface LedgerService {
  day: string;
  counter: number;
  staff: string;
  field: string;
  calledAt: number;
  /** Local hour of the call. */
  hour: number;
  /** Since joining the line; undefined for a citizen called back after being absent. */
  lineWaitMs?: number;
  endedAt?: number;
  end: LedgerServiceEnd;
  outcome?: string;
  dossierCodes: string[];
  recalls: number;
  score?: number;
  reason?: string;
}

export interface LedgerTime {
  day: string;
  counter: number;
  staff: string;
  signedInMs: number;
  servingMs: number;
  idleMs: number;
  pausedMs: Record<string, number>;
}

export interface SimulationLedger {
  visits: LedgerVisit[];
  services: LedgerService[];
  time: LedgerTime[];
}

export function emptyLedger(): SimulationLedger {
  return { visits: [], services: [], time: [] };
}

/** One counter's day as the simulator runs it: who sits there, paused or not, a citizen at the desk or not. */
export class CounterTimeTally {
  private since = 0;
  private open = false;
  private paused = '';
  private atDesk = false;
  private entry: LedgerTime | null = null;

  constructor(
    private readonly ledger: SimulationLedger,
    private readonly day: string,
    private readonly counter: number,
  ) {}

  private settle(now: number): void {
    if (!this.entry || !this.open) return;
    const ms = now - this.since;
    this.entry.signedInMs += ms;
    if (this.paused) this.entry.pausedMs[this.paused] = (this.entry.pausedMs[this.paused] ?? 0) + ms;
    else if (this.atDesk) this.entry.servingMs += ms;
    else this.entry.idleMs += ms;
    this.since = now;
  }

  signIn(now: number, staff: string): void {
    this.settle(now);
    this.entry = this.ledger.time.find((t) => t.day === this.day && t.counter === this.counter && t.staff === staff) ?? null;
    if (!this.entry) {
      this.entry = { day: this.day, counter: this.counter, staff, signedInMs: 0, servingMs: 0, idleMs: 0, pausedMs: {} };
      this.ledger.time.push(this.entry);
    }
    this.open = true;
    this.since = now;
  }

  signOut(now: number): void {
    this.settle(now);
    this.open = false;
    this.atDesk = false;
    this.paused = '';
  }

  pause(now: number, reason: string): void {
    this.settle(now);
    this.paused = reason;
  }

  resume(now: number): void {
    this.settle(now);
    this.paused = '';
  }

  desk(now: number, someone: boolean): void {
    this.settle(now);
    this.atDesk = someone;
  }
}
