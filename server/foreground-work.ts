// Background threads share what the queue's thread leaves of the machine: on a two-core centre
// PC, one core. A report a manager waits for and the voice's clips nobody waits for yet (a
// first start's, an upgrade's, a new speed's) took half of it each: the first year report
// while they were made took 185–287 ms against 89–120 after a restart. So what a person waits
// for runs as foreground work (a sign-in's password check, a report, an export, the read-ahead
// a manager's sign-in starts), and a background clip starts only when none runs
// (clip-renderer.ts); a clip a call waits for starts at once.
export class ForegroundWork {
  private running = 0;
  private waiting: (() => void)[] = [];

  /** Runs `work` as foreground work: background work waits until it has ended. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      if (--this.running === 0) for (const resume of [...this.waiting]) resume();
    }
  }

  /**
   * Null while no foreground work runs; else resolves once none does, or after `limitMs` at
   * most, so that reports asked one after another never hold the background for ever.
   */
  whenIdle(limitMs: number): Promise<void> | null {
    if (this.running === 0) return null;
    return new Promise((resolve) => {
      const resume = () => {
        clearTimeout(timer);
        this.waiting = this.waiting.filter((r) => r !== resume);
        resolve();
      };
      const timer = setTimeout(resume, limitMs).unref();
      this.waiting.push(resume);
    });
  }
}
