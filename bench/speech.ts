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

/** The longest the event loop went without running a 1 ms timer while `fn` ran. */
async function longestStall(fn: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
  }, 1);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return longest;
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
  const stalls = { idle: 0, start: 0, rate: 0, newNumber: 0 };
  try {
    // The floor: the same timer with nothing to do, as loaded as the machine is in this run.
    stalls.idle = await longestStall(() => new Promise((r) => setTimeout(r, 3000)));
    stalls.start = await longestStall(async () => (prepareMs = await timed(() => speech.prepare(voice))));
    const faster = { ...voice, rate: 1.1 };
    stalls.rate = await longestStall(async () => (rateChangeMs = await timed(() => speech.prepare(faster))));
    for (const text of [...spokenClipTexts(voice).values()].slice(0, 20)) perClip.push(await timed(() => speech.renderer.render(text, 1.2, 'now')));
    await speech.callAudio('1000', 1, voice); // clips decoded into memory
    stalls.newNumber = await longestStall(async () => {
      // Each call a new number and counter, so the joined-call cache never answers.
      for (let i = 0; i < WARM_RUNS; i++) warm.push(await timed(() => speech.callAudio(String(2000 + i), 1 + (i % 30), voice)));
    });
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
    { name: 'speech: longest event-loop stall, idle for 3 s (floor, same run)', value: stalls.idle, unit: 'ms' },
    { name: 'speech: longest event-loop stall, first start', value: stalls.start, unit: 'ms', target: '≤ 20' },
    { name: 'speech: longest event-loop stall, speed changed', value: stalls.rate, unit: 'ms', target: '≤ 20' },
    { name: 'speech: longest event-loop stall, never-spoken numbers', value: stalls.newNumber, unit: 'ms', target: '≤ 20' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchSpeech()) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit} ${r.target ?? ''}`);
}
