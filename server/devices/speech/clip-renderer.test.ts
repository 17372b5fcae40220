// The speech worker holds espeak-ng's memory only while it has clips to make, and makes the
// clips nobody waits for only while no report runs.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ForegroundWork } from '../../foreground-work';
import { createWorkerRenderer, type WorkerClipRenderer } from './clip-renderer';

describe('the speech worker', () => {
  let renderer: WorkerClipRenderer | undefined;
  afterEach(async () => {
    await renderer?.close();
  });

  it('starts in a process whose own preloads are TypeScript (the soak’s slow disk), which the thread does not take', () => {
    const renderOne = `
      const { createWorkerRenderer } = await import(${JSON.stringify(fileURLToPath(new URL('./clip-renderer.ts', import.meta.url)))});
      const renderer = createWorkerRenderer();
      const clip = await renderer.render('một', 1, 'now');
      await renderer.close();
      console.log(process.env.TYPESCRIPT_PRELOAD, clip.pcm.length);`;
    const preload = fileURLToPath(new URL('./fixtures/typescript-preload.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--import', preload, '--input-type=module', '-e', renderOne], { encoding: 'utf8', timeout: 60_000 });
    const [by, samples] = out.trim().split(/ (?=\d+$)/);
    expect(by).toBe('node --import');
    expect(Number(samples)).toBeGreaterThan(1000);
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

  it('holds a background clip while foreground work runs, and makes a call’s clip at once', async () => {
    const foreground = new ForegroundWork();
    renderer = createWorkerRenderer({ foreground });
    let endReport!: () => void;
    const report = foreground.during(() => new Promise<void>((r) => (endReport = r)));
    let backgroundDone = false;
    const background = renderer.render('hai', 1, 'background').then((clip) => ((backgroundDone = true), clip));
    const call = await renderer.render('ba', 1, 'now');
    expect(call.pcm.length).toBeGreaterThan(0);
    // Long enough for the worker to have made it (the call's took the worker's start and more).
    await new Promise((r) => setTimeout(r, 300));
    expect(backgroundDone).toBe(false);
    endReport();
    await report;
    expect((await background).pcm.length).toBeGreaterThan(0);
  });

  it('makes a held clip once it has waited its longest, the foreground work still running', async () => {
    const foreground = new ForegroundWork();
    renderer = createWorkerRenderer({ foreground, backgroundWaitMs: 200 });
    await renderer.render('một', 1, 'now'); // the worker up, so a clip takes milliseconds
    let endReport!: () => void;
    const report = foreground.during(() => new Promise<void>((r) => (endReport = r)));
    const started = performance.now();
    const doneAt = await Promise.all(['bốn', 'năm'].map((text) => renderer!.render(text, 1, 'background').then(() => performance.now() - started)));
    // Each waited its own 200 ms (less a timer's millisecond), one after the other.
    expect(doneAt[0]).toBeGreaterThanOrEqual(195);
    expect(doneAt[1] - doneAt[0]).toBeGreaterThanOrEqual(195);
    endReport();
    await report;
  });
});
