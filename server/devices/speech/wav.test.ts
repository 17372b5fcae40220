import { describe, expect, it } from 'vitest';
import { WavFormatError, decodeWav, encodeWav, toPcm16 } from './wav';

/** A WAV file as another recorder would write it. */
function foreignWav({ rate, channels, bits, float = false, frames }: { rate: number; channels: number; bits: number; float?: boolean; frames: (f: number, c: number) => number }, count: number): Buffer {
  const bytes = bits / 8;
  const data = Buffer.alloc(count * channels * bytes);
  for (let f = 0; f < count; f++)
    for (let c = 0; c < channels; c++) {
      const v = frames(f, c);
      const at = (f * channels + c) * bytes;
      if (float) data.writeFloatLE(v, at);
      else if (bits === 8) data[at] = Math.round(v * 127) + 128;
      else if (bits === 16) data.writeInt16LE(Math.round(v * 32767), at);
      else if (bits === 24) data.writeIntLE(Math.round(v * 8388607), at, 3);
    }
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'latin1');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(float ? 3 : 1, 8);
  fmt.writeUInt16LE(channels, 10);
  fmt.writeUInt32LE(rate, 12);
  fmt.writeUInt32LE(rate * channels * bytes, 16);
  fmt.writeUInt16LE(channels * bytes, 20);
  fmt.writeUInt16LE(bits, 22);
  // A chunk the decoder must skip, with an odd size and its pad byte.
  const junk = Buffer.from('junk\x03\x00\x00\x00abc\x00', 'latin1');
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'latin1');
  dataHeader.writeUInt32LE(data.length, 4);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + fmt.length + junk.length + 8 + data.length, 4);
  riff.write('WAVE', 8, 'latin1');
  return Buffer.concat([riff, fmt, junk, dataHeader, data]);
}

const zeroCrossings = (pcm: Int16Array) => pcm.reduce((n, v, i) => (i > 0 && (pcm[i - 1] < 0) !== (v < 0) ? n + 1 : n), 0);

describe('WAV', () => {
  it('gives back the exact samples and comment it encoded', () => {
    const pcm = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const wav = encodeWav(pcm, 22050, 'espeak-ng vi rate=0.9: mười lăm');
    const decoded = decodeWav(wav);
    expect(decoded.sampleRate).toBe(22050);
    expect(decoded.comment).toBe('espeak-ng vi rate=0.9: mười lăm');
    expect(Array.from(toPcm16(decoded, 22050))).toEqual(Array.from(pcm));
  });

  it('turns a 44.1 kHz stereo recording into 22.05 kHz mono of the same length and pitch', () => {
    const seconds = 0.5;
    const hz = 440;
    const wav = foreignWav({ rate: 44100, channels: 2, bits: 16, frames: (f) => 0.5 * Math.sin((2 * Math.PI * hz * f) / 44100) }, 44100 * seconds);
    const pcm = toPcm16(decodeWav(wav), 22050);
    expect(pcm.length).toBe(22050 * seconds);
    expect(zeroCrossings(pcm)).toBeGreaterThanOrEqual(2 * hz * seconds - 2);
    expect(zeroCrossings(pcm)).toBeLessThanOrEqual(2 * hz * seconds + 2);
    expect(Math.max(...pcm)).toBeGreaterThan(15000);
  });

  it('averages the channels of a stereo file', () => {
    const wav = foreignWav({ rate: 22050, channels: 2, bits: 16, frames: (_f, c) => (c === 0 ? 0.5 : -0.25) }, 10);
    expect(toPcm16(decodeWav(wav))[5]).toBeCloseTo(0.125 * 32768, -1);
  });

  it.each([
    ['8-bit', { bits: 8 }],
    ['24-bit', { bits: 24 }],
    ['32-bit float', { bits: 32, float: true }],
  ])('reads %s samples', (_name, format) => {
    const wav = foreignWav({ rate: 16000, channels: 1, ...format, frames: (f) => (f % 2 ? 0.5 : -0.5) }, 100);
    const pcm = toPcm16(decodeWav(wav), 16000);
    expect(pcm[0]).toBeCloseTo(-16384, -3);
    expect(pcm[1]).toBeCloseTo(16384, -3);
  });

  it('reads 16-bit samples exactly wherever the file sits in memory (an odd offset too)', () => {
    const pcm = Int16Array.from([0, 1, -1, 32767, -32768, 1234, -4321]);
    const wav = encodeWav(pcm, 22050, 'x');
    const odd = Buffer.concat([Buffer.from([0]), wav, Buffer.alloc(7)]).subarray(1, 1 + wav.length);
    expect(odd.byteOffset % 2).toBe(1);
    for (const file of [wav, odd]) expect(Array.from(decodeWav(file).mono)).toEqual(Array.from(pcm, (v) => v / 32768));
    const stereo = foreignWav({ rate: 22050, channels: 2, bits: 16, frames: (_f, c) => (c === 0 ? 0.5 : -0.25) }, 4);
    expect(Array.from(decodeWav(stereo).mono)).toEqual(Array(4).fill(Math.fround((16384 - 8192) / 32768 / 2)));
  });

  it('refuses a file that is not a WAV', () => {
    expect(() => decodeWav(Buffer.from('ID3 this is an mp3 file'))).toThrow(WavFormatError);
  });
});
