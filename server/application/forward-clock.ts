// The queue's time only moves forward. A wall clock that steps back (a bad NTP answer, a
// flat CMOS battery) would reopen a closed day and hand out its numbers again, so the
// queue carries on from the latest time it has used, at the wall clock's pace, until the
// wall clock is past it again. A clock that stands still or jitters by a few milliseconds
// simply holds. Steps forward are taken as they come (the day rolls over).
export interface ClockStep {
  /** What the machine's clock says, and the time the queue goes on with. */
  wall: number;
  queue: number;
}

/** Steps back shorter than this are jitter: held silently, never reported. */
const REPORT_STEP_MS = 5_000;

export class ForwardClock {
  private last = -Infinity;
  private offset = 0;
  private reported = false;

  constructor(
    private readonly wall: () => number,
    private readonly onStep: (step: ClockStep | null) => void = () => undefined,
  ) {}

  /** The queue's time: never earlier than any time it gave before. */
  readonly now = (): number => {
    const wall = this.wall();
    if (wall >= this.last) {
      this.offset = 0;
      this.last = wall;
      if (this.reported) {
        this.reported = false;
        this.onStep(null);
      }
      return wall;
    }
    if (wall + this.offset < this.last) this.offset = this.last - wall;
    this.last = wall + this.offset;
    if (this.offset >= REPORT_STEP_MS && !this.reported) {
      this.reported = true;
      this.onStep({ wall, queue: this.last });
    }
    return this.last;
  };

  /** Times already in the journal count as given out (a restart while the clock is behind). */
  notBefore(at: number): void {
    if (at > this.last) this.last = at;
  }
}
