import { describe, expect, it } from 'vitest';
import { withinLimit } from './within-limit';

describe('start-up work waited for with a bound (withinLimit)', () => {
  it('answers the work’s value when it ends first', async () => {
    const work = new Promise<number>((resolve) => setTimeout(() => resolve(3), 20));
    expect(await withinLimit(work, 1_000)).toEqual({ value: 3 });
  });

  it('answers null once the limit has passed, while the work goes on', async () => {
    let finish: (n: number) => void = () => undefined;
    const work = new Promise<number>((resolve) => (finish = resolve));
    expect(await withinLimit(work, 10)).toBeNull();
    finish(4);
    expect(await work).toBe(4);
  });

  it('passes the work’s failure on', async () => {
    await expect(withinLimit(Promise.reject(new Error('no engine')), 1_000)).rejects.toThrow('no engine');
  });
});
