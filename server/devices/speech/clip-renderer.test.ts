// The speech worker holds espeak-ng's memory only while it has clips to make.
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerRenderer, type WorkerClipRenderer } from './clip-renderer';

describe('the speech worker', () => {
  let renderer: WorkerClipRenderer | undefined;
  afterEach(async () => {
    await renderer?.close();
  });

  it('goes when it has been idle, and comes back for the next clip', async () => {
    renderer = createWorkerRenderer({ idleMs: 200 });
    expect(renderer.engineLoaded).toBe(false);
    const first = await renderer.render('một', 1, 'now');
    expect(first.pcm.length).toBeGreaterThan(0);
    expect(renderer.engineLoaded).toBe(true);
    await expect.poll(() => renderer!.engineLoaded, { timeout: 5000, interval: 50 }).toBe(false);
    const again = await renderer.render('một', 1, 'now');
    expect(again.pcm).toEqual(first.pcm);
  });
});
