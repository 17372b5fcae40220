import { describe, expect, it } from 'vitest';
import { integratedLoudness, truePeakDb } from './loudness';
import { SilentClipError, normalizeLoudness } from './normalize-loudness';
import { MARGIN_SECONDS, trimSilence } from './trim-silence';

const sine = (rate: number, hz: number, amplitude: number, seconds: number, phase = 0) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate + phase));

describe('integratedLoudness (BS.1770-4)', () => {
  it.each([48_000, 44_100, 22_050])('reads a 997 Hz sine at −20 dBFS as −23.0 LUFS at %i Hz', (rate) => {
    expect(integratedLoudness(sine(rate, 997, 0.1, 3), rate)).toBeCloseTo(-23.01, 1);
  });

  it('gates out the silence of a long file, but measures a word shorter than one block as it is', () => {
    const rate = 22_050;
    const word = sine(rate, 500, 0.1, 0.25);
    const padded = new Float32Array(rate * 3);
    padded.set(sine(rate, 500, 0.1, 1), rate);
    const tone = integratedLoudness(sine(rate, 500, 0.1, 1), rate);
    // Ungated, two silent seconds in three would take 4.8 dB off; only the blocks across the edges count.
    expect(integratedLoudness(padded, rate)).toBeGreaterThan(tone - 1.5);
    expect(integratedLoudness(padded, rate)).toBeLessThan(tone);
    expect(Number.isFinite(integratedLoudness(word, rate))).toBe(true);
    expect(integratedLoudness(new Float32Array(rate), rate)).toBe(-Infinity);
  });
});

describe('truePeakDb', () => {
  it('finds the peak between samples: a sine at a quarter of the rate sampled 45° off its crest', () => {
    const x = sine(48_000, 12_000, 0.5, 0.1, Math.PI / 4);
    expect(20 * Math.log10(Math.max(...x))).toBeCloseTo(-9.03, 1);
    expect(truePeakDb(x)).toBeGreaterThan(-6.2);
    expect(truePeakDb(x)).toBeLessThan(-5.8);
  });
});

describe('normalizeLoudness', () => {
  it('brings a quiet and a loud clip to the target, peaks under −1 dBTP', () => {
    const rate = 22_050;
    for (const clip of [sine(rate, 300, 0.01, 0.5), sine(rate, 2000, 0.9, 0.5)]) {
      const out = normalizeLoudness(clip, rate, -16);
      expect(integratedLoudness(out, rate)).toBeCloseTo(-16, 0);
      expect(truePeakDb(out)).toBeLessThanOrEqual(-1);
    }
  });

  it('limits a clip whose peaks would pass the ceiling instead of turning it all down', () => {
    const rate = 22_050;
    const spiky = sine(rate, 400, 0.05, 1);
    for (let i = 0; i < spiky.length; i += 2205) spiky[i] = 0.99; // clicks 26 dB above the tone
    const out = normalizeLoudness(spiky, rate, -16);
    expect(truePeakDb(out)).toBeLessThanOrEqual(-1);
    expect(integratedLoudness(out, rate)).toBeCloseTo(-16, 0);
  });

  it('refuses silence', () => {
    expect(() => normalizeLoudness(new Float32Array(22_050), 22_050)).toThrow(SilentClipError);
  });
});

describe('trimSilence', () => {
  it('cuts room noise and breath to a fixed margin around the words, whatever the level', () => {
    const rate = 22_050;
    for (const level of [0.5, 0.02]) {
      const noise = Float32Array.from({ length: rate * 2 }, (_, i) => level * 0.003 * Math.sin(i * 1.7));
      noise.set(sine(rate, 300, level, 0.5), rate / 2);
      const out = trimSilence(noise, rate);
      expect(out.length / rate).toBeCloseTo(0.5 + 2 * MARGIN_SECONDS, 1);
    }
  });
});
