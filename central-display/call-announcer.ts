// Spoken calls, one after another. Calls that come together wait their turn so two
// numbers are never spoken over each other; a call that cannot be played is recorded with
// its error and the next one goes on, so one bad call never silences the hall.

export interface Call {
  label: string;
  counterId: number;
}

/** One spoken call as it happened: tests read these from window.__announcements. */
export interface Announcement {
  label: string;
  counterId: number;
  /** When the sound started (or the attempt failed before it could). */
  startedAt: number;
  endedAt?: number;
  error?: string;
  /** Which voice said it: the server's clips or the display's own system voice. */
  via?: Via;
}

export type Via = 'clips' | 'browser-voice';

/** Plays one call to its end; calls `started` when the sound begins, with the voice it uses. */
export type PlayCall = (call: Call, started: (via?: Via) => void) => Promise<void>;

export class CallAnnouncer {
  private readonly pending: Call[] = [];
  private running = false;
  private stopped = false;

  constructor(
    private readonly play: PlayCall,
    private readonly log: Announcement[],
    private readonly onSpeaking: (speaking: boolean) => void = () => {},
    private readonly clock: () => number = Date.now,
  ) {}

  enqueue(call: Call): void {
    if (this.stopped) return;
    this.pending.push(call);
    if (!this.running) void this.drain();
  }

  /** Forgets the calls not yet spoken (the display is closing). */
  stop(): void {
    this.stopped = true;
    this.pending.length = 0;
  }

  private async drain(): Promise<void> {
    this.running = true;
    this.onSpeaking(true);
    for (let call = this.pending.shift(); call; call = this.pending.shift()) {
      await this.announce(call);
    }
    this.running = false;
    this.onSpeaking(false);
  }

  private async announce(call: Call): Promise<void> {
    let entry: Announcement | undefined;
    const begin = (via?: Via): Announcement => {
      if (!entry) {
        entry = { label: call.label, counterId: call.counterId, startedAt: this.clock(), ...(via ? { via } : {}) };
        this.log.push(entry);
      }
      return entry;
    };
    try {
      await this.play(call, (via) => void begin(via));
    } catch (err) {
      begin().error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    // A player that never reported the start still leaves a record of the call.
    begin().endedAt = this.clock();
  }
}
