// Loudness as ITU-R BS.1770-4 measures it (the LUFS of EBU R128): K-weighting, mean square
// over 400 ms blocks every 100 ms, an absolute gate at −70 LUFS and a relative gate 10 LU under
// the ungated mean; and the true peak, from the signal oversampled four times.
// Hand-written because the one npm meter (ebur128-wasm 3.0.0) ships for bundlers only: it
// imports its .wasm as an ES module, which Node 20 loads only behind an experimental flag.

const BLOCK_SECONDS = 0.4;
const HOP_SECONDS = 0.1;
const ABSOLUTE_GATE_LUFS = -70;
const RELATIVE_GATE_LU = -10;

interface Biquad {
  b: [number, number, number];
  a: [number, number, number];
}

/** The two K-weighting stages for any sample rate, from their analogue prototypes
 *  (the parameters libebur128 derives from the standard's 48 kHz coefficients). */
export function kWeightingFilters(sampleRate: number): [Biquad, Biquad] {
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b: [(vh + (vb * k) / q + k * k) / a0, (2 * (k * k - vh)) / a0, (vh - (vb * k) / q + k * k) / a0],
    a: [1, (2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0],
  };
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRate);
  a0 = 1 + k / q + k * k;
  const highPass: Biquad = { b: [1, -2, 1], a: [1, (2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0] };
  return [shelf, highPass];
}

function filter(input: Float32Array, { b, a }: Biquad): Float64Array {
  const out = new Float64Array(input.length);
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  for (let i = 0; i < input.length; i++) {
    const x = input[i];
    const y = b[0] * x + b[1] * x1 + b[2] * x2 - a[1] * y1 - a[2] * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    out[i] = y;
  }
  return out;
}

const toLufs = (meanSquare: number) => -0.691 + 10 * Math.log10(meanSquare);

/** Integrated loudness in LUFS of mono samples in [-1, 1]; −Infinity for silence.
 *  A clip shorter than one 400 ms block (a single word) is measured as one block. */
export function integratedLoudness(samples: Float32Array, sampleRate: number): number {
  const [shelf, highPass] = kWeightingFilters(sampleRate);
  const weighted = filter(Float32Array.from(filter(samples, shelf)), highPass);
  const squares = new Float64Array(weighted.length + 1); // prefix sums of the squares
  for (let i = 0; i < weighted.length; i++) squares[i + 1] = squares[i] + weighted[i] * weighted[i];
  const block = Math.round(BLOCK_SECONDS * sampleRate);
  const hop = Math.round(HOP_SECONDS * sampleRate);
  const blocks: number[] = [];
  if (weighted.length < block) {
    if (weighted.length > 0) blocks.push(squares[weighted.length] / weighted.length);
  } else {
    for (let start = 0; start + block <= weighted.length; start += hop) blocks.push((squares[start + block] - squares[start]) / block);
  }
  const aboveAbsolute = blocks.filter((ms) => toLufs(ms) > ABSOLUTE_GATE_LUFS);
  if (!aboveAbsolute.length) return -Infinity;
  const relativeGate = toLufs(mean(aboveAbsolute)) + RELATIVE_GATE_LU;
  const gated = aboveAbsolute.filter((ms) => toLufs(ms) > relativeGate);
  return toLufs(mean(gated));
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

const OVERSAMPLING = 4;
/** Neighbours on each side that the interpolation reads. */
const REACH = 6;

/** Windowed-sinc taps for the points a quarter, a half and three quarters past a sample:
 *  taps[p - 1][d + REACH - 1] weighs the sample d places from it, d in −REACH+1 … REACH. */
function interpolatorTaps(): Float64Array[] {
  return Array.from({ length: OVERSAMPLING - 1 }, (_, i) => {
    const fraction = (i + 1) / OVERSAMPLING;
    const taps = new Float64Array(2 * REACH);
    for (let d = -REACH + 1; d <= REACH; d++) {
      const x = fraction - d;
      const sinc = Math.sin(Math.PI * x) / (Math.PI * x);
      const hann = 0.5 + 0.5 * Math.cos((Math.PI * x) / REACH);
      taps[d + REACH - 1] = sinc * hann;
    }
    return taps;
  });
}

const TAPS = interpolatorTaps();

/** For each sample, the largest magnitude the reconstructed waveform reaches from it to the
 *  next sample (the sample itself and three points between). */
export function truePeakEnvelope(samples: Float32Array): Float32Array {
  const envelope = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    let peak = Math.abs(samples[i]);
    for (const taps of TAPS) {
      let y = 0;
      for (let d = -REACH + 1; d <= REACH; d++) {
        const j = i + d;
        if (j >= 0 && j < samples.length) y += samples[j] * taps[d + REACH - 1];
      }
      peak = Math.max(peak, Math.abs(y));
    }
    envelope[i] = peak;
  }
  return envelope;
}

export function truePeakDb(samples: Float32Array): number {
  const envelope = truePeakEnvelope(samples);
  let peak = 0;
  for (const v of envelope) peak = Math.max(peak, v);
  return 20 * Math.log10(peak);
}
