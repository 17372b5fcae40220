// Bytes a printer sent back, waiting to be read one at a time with a deadline.
// A link pushes what arrives; a closed or broken link fails the waiting reader at once
// instead of letting it sit until its timeout.

export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what}: no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** The link cannot read from the printer at all (a one-way USB printer). */
export class StatusUnreadableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatusUnreadableError';
  }
}

export class ByteInbox {
  private bytes: number[] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  push(chunk: Uint8Array): void {
    for (const b of chunk) this.bytes.push(b);
    this.wake?.();
  }

  fail(err: Error): void {
    this.failure ??= err;
    this.wake?.();
  }

  /** Forgets bytes nobody asked for yet (late answers, noise on a serial line). */
  discard(): void {
    this.bytes = [];
  }

  async next(timeoutMs: number, what: string): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const b = this.bytes.shift();
      if (b !== undefined) return b;
      if (this.failure) throw this.failure;
      const left = deadline - Date.now();
      if (left <= 0) throw new TimeoutError(what, timeoutMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}

/** Rejects with a TimeoutError if `promise` has not settled in time; `onTimeout` cleans up. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(new TimeoutError(what, ms));
    }, ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
