// A short two-tone chime made in the page (no sound file to fetch). Browsers let a page play
// sound only after a touch, so the same tap that allows vibration unlocks it.
let audio: AudioContext | undefined;
let optedIn = false;

export function unlockChime(): void {
  optedIn = true;
  if (audio || typeof AudioContext !== 'function') return;
  audio = new AudioContext();
  void audio.resume();
}

/** Whether the citizen has already tapped to allow the buzz and the chime in this document (a booking's page before its ticket's). */
export function chimeUnlocked(): boolean {
  return optedIn;
}

export function chime(): void {
  if (!audio) return;
  const start = audio.currentTime;
  [880, 660].forEach((frequency, i) => {
    const tone = audio!.createOscillator();
    const gain = audio!.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.25, start + i * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.35 + 0.3);
    tone.connect(gain).connect(audio!.destination);
    tone.start(start + i * 0.35);
    tone.stop(start + i * 0.35 + 0.32);
  });
}
