import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForegroundWork } from './foreground-work';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setImmediate(r));
  return done;
};

describe('foreground work', () => {
  afterEach(() => vi.useRealTimers());

  it('is idle with nothing running, and busy until the last of its works has ended', async () => {
    const fg = new ForegroundWork();
    expect(fg.whenIdle(1000)).toBeNull();
    const first = deferred();
    const second = deferred();
    const a = fg.during(() => first.promise);
    const b = fg.during(() => second.promise.then(() => 'answer'));
    const idle = fg.whenIdle(60_000)!;
    expect(idle).not.toBeNull();
    first.resolve();
    await a;
    expect(await settled(idle)).toBe(false);
    second.resolve();
    expect(await b).toBe('answer');
    expect(await settled(idle)).toBe(true);
    expect(fg.whenIdle(1000)).toBeNull();
  });

  it('ends a work that fails as one that succeeds, its error passed on', async () => {
    const fg = new ForegroundWork();
    const work = deferred();
    const running = fg.during(() => work.promise);
    const idle = fg.whenIdle(60_000)!;
    work.reject(new Error('no report'));
    await expect(running).rejects.toThrow('no report');
    expect(await settled(idle)).toBe(true);
    expect(fg.whenIdle(1000)).toBeNull();
  });

  it('lets a waiter go after its limit while the work still runs', async () => {
    vi.useFakeTimers();
    const fg = new ForegroundWork();
    const work = deferred();
    void fg.during(() => work.promise);
    let waited = false;
    void fg.whenIdle(5000)!.then(() => (waited = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(waited).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waited).toBe(true);
    expect(fg.whenIdle(5000)).not.toBeNull();
    work.resolve();
  });
});
