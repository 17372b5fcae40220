// Clips come with their own silence around the words (espeak-ng adds ~0.36 s after each,
// recorders add more). Cut it so the joiner alone decides the rhythm of a call.

const THRESHOLD = 400; // ~1.2 % of full scale: quiet enough to keep soft onsets like "x" and "s"
const MARGIN_SECONDS = 0.015;

export function trimSilence(pcm: Int16Array, rate: number): Int16Array {
  let first = 0;
  while (first < pcm.length && Math.abs(pcm[first]) < THRESHOLD) first++;
  if (first === pcm.length) return pcm.subarray(0, 0);
  let last = pcm.length - 1;
  while (Math.abs(pcm[last]) < THRESHOLD) last--;
  const margin = Math.round(MARGIN_SECONDS * rate);
  return pcm.subarray(Math.max(0, first - margin), Math.min(pcm.length, last + 1 + margin));
}
