// WAV files in and out. Every clip is brought to one format (SPEECH_RATE Hz, mono, 16-bit)
// because centres record their own clips with whatever recorder they have.
import { endianness } from 'node:os';

export const SPEECH_RATE = 22_050; // espeak-ng's native rate: its clips need no resampling

export interface DecodedWav {
  sampleRate: number;
  /** Channels averaged into one, as floats in [-1, 1]. */
  mono: Float32Array;
  /** The INFO/ICMT comment, where the file's provenance is written. */
  comment: string | null;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

export class WavFormatError extends Error {
  override name = 'WavFormatError';
}

export function decodeWav(buf: Buffer): DecodedWav {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE') {
    throw new WavFormatError('not a RIFF/WAVE file');
  }
  let fmt: { format: number; channels: number; sampleRate: number; bits: number } | null = null;
  let data: Buffer | null = null;
  let comment: string | null = null;
  for (let at = 12; at + 8 <= buf.length; ) {
    const id = buf.toString('latin1', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    // Streaming writers leave the size at its maximum; take what the file holds.
    const body = buf.subarray(at + 8, Math.min(buf.length, at + 8 + size));
    if (id === 'fmt ' && body.length >= 16) {
      let format = body.readUInt16LE(0);
      if (format === FORMAT_EXTENSIBLE && body.length >= 26) format = body.readUInt16LE(24);
      fmt = { format, channels: body.readUInt16LE(2), sampleRate: body.readUInt32LE(4), bits: body.readUInt16LE(14) };
    } else if (id === 'data') {
      data = body;
    } else if (id === 'LIST' && body.toString('latin1', 0, 4) === 'INFO') {
      comment = readInfoComment(body.subarray(4)) ?? comment;
    }
    at += 8 + size + (size % 2);
  }
  if (!fmt) throw new WavFormatError('no fmt chunk');
  if (!data) throw new WavFormatError('no data chunk');
  if (fmt.channels < 1 || fmt.sampleRate < 1000) throw new WavFormatError('bad channel count or sample rate');
  const frames = Math.floor(data.length / ((fmt.bits / 8) * fmt.channels));
  const mono = fmt.format === FORMAT_PCM && fmt.bits === 16 && LITTLE_ENDIAN ? mixPcm16(data, fmt.channels, frames) : mixSamples(data, fmt, frames);
  return { sampleRate: fmt.sampleRate, mono, comment };
}

const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * 16-bit PCM, the format of every clip the server makes, read through a typed array: a call
 * per sample (readInt16LE) took a clip several milliseconds on the queue's thread, and a new
 * speed reads all of them again there.
 */
function mixPcm16(data: Buffer, channels: number, frames: number): Float32Array {
  // An Int16Array starts on an even byte: a chunk at an odd offset is copied out first.
  const aligned = data.byteOffset % 2 === 0 ? data : Buffer.from(data);
  const samples = new Int16Array(aligned.buffer, aligned.byteOffset, frames * channels);
  const mono = new Float32Array(frames);
  if (channels === 1) {
    for (let f = 0; f < frames; f++) mono[f] = samples[f] / 32768;
    return mono;
  }
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += samples[f * channels + c];
    mono[f] = sum / 32768 / channels;
  }
  return mono;
}

function mixSamples(data: Buffer, fmt: { format: number; channels: number; bits: number }, frames: number): Float32Array {
  const read = sampleReader(fmt.format, fmt.bits);
  const bytes = fmt.bits / 8;
  const mono = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < fmt.channels; c++) sum += read(data, (f * fmt.channels + c) * bytes);
    mono[f] = sum / fmt.channels;
  }
  return mono;
}

function sampleReader(format: number, bits: number): (b: Buffer, at: number) => number {
  if (format === FORMAT_PCM) {
    if (bits === 8) return (b, at) => (b[at] - 128) / 128;
    if (bits === 16) return (b, at) => b.readInt16LE(at) / 32768;
    if (bits === 24) return (b, at) => b.readIntLE(at, 3) / 8388608;
    if (bits === 32) return (b, at) => b.readInt32LE(at) / 2147483648;
  }
  if (format === FORMAT_FLOAT) {
    if (bits === 32) return (b, at) => b.readFloatLE(at);
    if (bits === 64) return (b, at) => b.readDoubleLE(at);
  }
  throw new WavFormatError(`unsupported sample format ${format} with ${bits} bits`);
}

function readInfoComment(info: Buffer): string | null {
  for (let at = 0; at + 8 <= info.length; ) {
    const id = info.toString('latin1', at, at + 4);
    const size = info.readUInt32LE(at + 4);
    if (id === 'ICMT') return info.toString('utf8', at + 8, Math.min(info.length, at + 8 + size)).replace(/\0+$/, '');
    at += 8 + size + (size % 2);
  }
  return null;
}

/** Any decoded WAV as 16-bit mono at `rate`. */
export function toPcm16(wav: DecodedWav, rate = SPEECH_RATE): Int16Array {
  return floatToPcm16(monoAt(wav, rate));
}

/** Any decoded WAV's samples at `rate`, as floats in [-1, 1]. */
export function monoAt(wav: DecodedWav, rate = SPEECH_RATE): Float32Array {
  return wav.sampleRate === rate ? wav.mono : resample(wav.mono, wav.sampleRate, rate);
}

export function floatToPcm16(samples: Float32Array): Int16Array {
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) pcm[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32768)));
  return pcm;
}

export function pcm16ToFloat(pcm: Int16Array): Float32Array {
  const samples = new Float32Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) samples[i] = pcm[i] / 32768;
  return samples;
}

/** Linear interpolation; when going down in rate a moving average first keeps the
 *  frequencies above the new Nyquist limit from folding back as hiss. */
function resample(input: Float32Array, from: number, to: number): Float32Array {
  const step = from / to;
  const source = step > 1 ? movingAverage(input, Math.round(step)) : input;
  const out = new Float32Array(Math.max(0, Math.floor(input.length / step)));
  for (let i = 0; i < out.length; i++) {
    const x = i * step;
    const j = Math.floor(x);
    const next = Math.min(j + 1, source.length - 1);
    out[i] = source[j] + (source[next] - source[j]) * (x - j);
  }
  return out;
}

function movingAverage(input: Float32Array, width: number): Float32Array {
  if (width <= 1) return input;
  const out = new Float32Array(input.length);
  let sum = 0;
  for (let i = 0; i < input.length; i++) {
    sum += input[i];
    if (i >= width) sum -= input[i - width];
    out[i] = sum / Math.min(i + 1, width);
  }
  return out;
}

/** A 16-bit mono WAV file; `comment` goes in a LIST/INFO/ICMT chunk. */
export function encodeWav(pcm: Int16Array, sampleRate = SPEECH_RATE, comment?: string): Buffer {
  const data = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const info = comment === undefined ? Buffer.alloc(0) : infoChunk(comment);
  const header = Buffer.alloc(36);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + 24 + info.length + 8 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(FORMAT_PCM, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'latin1');
  dataHeader.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, info, dataHeader, data]);
}

function infoChunk(comment: string): Buffer {
  let text = Buffer.from(comment + '\0', 'utf8');
  if (text.length % 2) text = Buffer.concat([text, Buffer.alloc(1)]);
  const chunk = Buffer.alloc(20 + text.length);
  chunk.write('LIST', 0, 'latin1');
  chunk.writeUInt32LE(12 + text.length, 4);
  chunk.write('INFO', 8, 'latin1');
  chunk.write('ICMT', 12, 'latin1');
  chunk.writeUInt32LE(text.length, 16);
  text.copy(chunk, 20);
  return chunk;
}
