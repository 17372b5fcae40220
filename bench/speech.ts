// How long the server takes to make a call's audio: cold (fresh data folder, espeak-ng compiled
// and every clip of the call synthesised) and warm (clips on disk and decoded, only the join).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VoiceConfig } from '@protocol/config';
import { createVoice } from '../server/devices/speech/voice';

const voice: VoiceConfig = {
  template: 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}',
  repeats: 2,
  rate: 0.9,
  chime: true,
  announce: 'clips',
  playOnDeviceIds: [],
};

const COLD_RUNS = 5;
const WARM_RUNS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export async function benchSpeech(): Promise<{ name: string; value: number; unit: string }[]> {
  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'qms-bench-speech-'));
    try {
      cold.push(await timed(() => createVoice({ dataDir }).callAudio(String(1001 + i), 3 + i, voice)));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'qms-bench-speech-'));
  const warm: number[] = [];
  let prepareMs: number;
  try {
    const speech = createVoice({ dataDir });
    prepareMs = await timed(() => speech.prepare(voice));
    await speech.callAudio('1000', 1, voice); // clips decoded into memory
    // Each call a new number and counter, so the joined-call cache never answers.
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await timed(() => speech.callAudio(String(2000 + i), 1 + (i % 30), voice)));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }

  cold.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  return [
    { name: 'speech: callAudio cold p50', value: percentile(cold, 50), unit: 'ms' },
    { name: 'speech: callAudio cold p95', value: percentile(cold, 95), unit: 'ms' },
    { name: 'speech: callAudio warm p50', value: percentile(warm, 50), unit: 'ms' },
    { name: 'speech: callAudio warm p95', value: percentile(warm, 95), unit: 'ms' },
    { name: 'speech: prepare all default clips from an empty folder', value: prepareMs, unit: 'ms' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchSpeech()) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}`);
}
