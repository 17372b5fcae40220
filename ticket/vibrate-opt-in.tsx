// Browsers let a page vibrate only after the person has touched it once; a citizen who just
// scanned the QR code has not. One tap here earns the buzz and the chime when the turn nears
// and when the number is called (or, on a booking's page, when its check-in opens). The tap
// counts for the whole document, so a booking's page that turns into its ticket's asks once.
import { useState } from 'preact/hooks';
import { chimeUnlocked, unlockChime } from './chime';
import { texts as t } from './texts';

export function VibrateOptIn(props: { offer?: string; on?: string }) {
  const [enabled, setEnabled] = useState(chimeUnlocked);
  if (typeof navigator.vibrate !== 'function') return null;
  if (enabled) return <p class="vibrate-on">{props.on ?? t.vibrateOn}</p>;
  return (
    <button type="button" class="vibrate-opt-in" onClick={() => {
        unlockChime();
        setEnabled(true);
      }}>
      {props.offer ?? t.vibrateOptIn}
    </button>
  );
}
