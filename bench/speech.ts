// How long the server takes to make a call's audio, and how long speech ever holds the event
// loop: at first start (worker started, every clip synthesised and levelled), when the speed
// changes (every clip again), and for the first call of a never-spoken number (clips ready).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VoiceConfig } from '@protocol/config';
import { spokenClipTexts } from '../server/devices/speech/clip-catalog';
import { createVoice } from '../server/devices/speech/voice';
import { idleStall, measureStall, type Stall } from './loop-stall';
import { percentile, type Figure } from './stats';

const voice: VoiceConfig = {
  template: 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}',
  repeats: 2,
  rate: 0.9,
  chime: true,
  announce: 'clips',
  playOnDeviceIds: [],
};

const COLD_RUNS = 3;
const WARM_RUNS = 200;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export async function benchSpeech(): Promise<Figure[]> {
  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-bench-speech-'));
    const speech = createVoice({ dataDir });
    try {
      cold.push(await timed(() => speech.callAudio(String(1001 + i), 3 + i, voice)));
    } finally {
      await speech.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'qms-bench-speech-'));
  const speech = createVoice({ dataDir });
  const warm: number[] = [];
  const perClip: number[] = [];
  let prepareMs = 0;
  let rateChangeMs = 0;
  let stalls: Record<'idle' | 'start' | 'rate' | 'newNumber', Stall> | undefined;
  try {
    // The floor: the same meter with nothing to do, as loaded as the machine is in this run.
    const idle = await idleStall(3000);
    const start = await measureStall(async () => (prepareMs = await timed(() => speech.prepare(voice))));
    const faster = { ...voice, rate: 1.1 };
    const rate = await measureStall(async () => (rateChangeMs = await timed(() => speech.prepare(faster))));
    for (const text of [...spokenClipTexts(voice).values()].slice(0, 20)) perClip.push(await timed(() => speech.renderer.render(text, 1.2, 'now')));
    await speech.callAudio('1000', 1, voice); // clips decoded into memory
    const newNumber = await measureStall(async () => {
      // Each call a new number and counter, so the joined-call cache never answers.
      for (let i = 0; i < WARM_RUNS; i++) warm.push(await timed(() => speech.callAudio(String(2000 + i), 1 + (i % 30), voice)));
    });
    stalls = { idle, start, rate, newNumber };
  } finally {
    await speech.close();
    await rm(dataDir, { recursive: true, force: true });
  }

  const clips = spokenClipTexts(voice).size;
  return [
    { name: 'speech: one clip synthesised and levelled (worker) p50', value: percentile(perClip, 0.5), unit: 'ms' },
    { name: 'speech: one clip synthesised and levelled (worker) p95', value: percentile(perClip, 0.95), unit: 'ms' },
    { name: `speech: prepare all ${clips} clips, empty folder (first start)`, value: prepareMs, unit: 'ms' },
    { name: `speech: prepare all ${clips} clips again at a new speed`, value: rateChangeMs, unit: 'ms' },
    { name: 'speech: callAudio, empty folder (clips made for it) p50', value: percentile(cold, 0.5), unit: 'ms' },
    { name: 'speech: callAudio, never-spoken number (clips ready) p50', value: percentile(warm, 0.5), unit: 'ms' },
    { name: 'speech: callAudio, never-spoken number (clips ready) p95', value: percentile(warm, 0.95), unit: 'ms' },
    ...stallFigures('speech: event loop held', stalls!),
  ];
}

/** Each stall on the CPU and by the clock, the idle floor of the same run beside it. */
function stallFigures(prefix: string, s: Record<'idle' | 'start' | 'rate' | 'newNumber', Stall>): Figure[] {
  const floor = (k: keyof Stall) => `idle floor ${s.idle[k].toFixed(1)} ms`;
  const rows: [string, Stall][] = [
    ['first start', s.start],
    ['speed changed', s.rate],
    ['never-spoken numbers', s.newNumber],
  ];
  return rows.flatMap(([what, stall]) => [
    { name: `${prefix} on CPU, ${what}`, value: stall.cpuMs, unit: 'ms', target: `≤ 20 (${floor('cpuMs')})` },
    { name: `${prefix} by the clock, ${what}`, value: stall.wallMs, unit: 'ms', target: floor('wallMs') },
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchSpeech()) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit} ${r.target ?? ''}`);
}
