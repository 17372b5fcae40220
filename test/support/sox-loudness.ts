// An independent loudness meter for tests: sox resamples to 48 kHz and applies BS.1770's
// K-weighting with the standard's published 48 kHz coefficients; the gating (400 ms blocks
// every 100 ms, −70 LUFS absolute, −10 LU relative; a clip under one block is one block) is
// counted here. Shares no code with server/devices/speech/loudness.ts. sox also gives the
// sample peak, and the peak of the file upsampled four times (a true-peak estimate).
import { execFileSync, spawnSync } from 'node:child_process';

export const hasSox = spawnSync('sh', ['-c', 'command -v sox']).status === 0;
if (!hasSox) console.warn('\n!!! SKIPPING loudness tests: sox is not installed (apt-get install sox)\n');

const K_SHELF_48K = ['1.53512485958697', '-2.69169618940638', '1.19839281085285', '1', '-1.69065929318241', '0.73248077421585'];
const K_HIGHPASS_48K = ['1.0', '-2.0', '1.0', '1', '-1.99004745483398', '0.99007225036621'];

function soxSamples(file: string, effects: string[]): Float32Array {
  const raw = execFileSync('sox', [file, '-t', 'f32', '-c', '1', '-', ...effects], { maxBuffer: 64 * 2 ** 20 });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
}

/** Integrated loudness in LUFS of a WAV file. */
export function soxLoudness(file: string): number {
  // Halved first: the shelf lifts the highs by 4 dB, and sox clips inside its effects chain.
  const x = soxSamples(file, ['rate', '-v', '48000', 'vol', '0.5', 'biquad', ...K_SHELF_48K, 'biquad', ...K_HIGHPASS_48K]);
  const block = 19_200;
  const meanSquares: number[] = [];
  const meanSquare = (from: number, to: number) => {
    let sum = 0;
    for (let i = from; i < to; i++) sum += x[i] * x[i];
    return sum / (to - from);
  };
  if (x.length < block) meanSquares.push(meanSquare(0, x.length));
  else for (let start = 0; start + block <= x.length; start += 4800) meanSquares.push(meanSquare(start, start + block));
  const lufs = (ms: number) => -0.691 + 10 * Math.log10(ms * 4);
  const average = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
  const absolute = meanSquares.filter((ms) => lufs(ms) > -70);
  const gate = lufs(average(absolute)) - 10;
  return lufs(average(absolute.filter((ms) => lufs(ms) > gate)));
}

const peakDb = (x: Float32Array) => 20 * Math.log10(x.reduce((m, v) => Math.max(m, Math.abs(v)), 0));

/** The largest sample, in dBFS. */
export const soxSamplePeak = (file: string) => peakDb(soxSamples(file, []));

/** The largest value of the file upsampled four times by sox's resampler, in dBFS. */
export function soxTruePeak(file: string): number {
  const rate = Number(execFileSync('soxi', ['-r', file]).toString().trim());
  return peakDb(soxSamples(file, ['rate', '-v', String(rate * 4)]));
}
