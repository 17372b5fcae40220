// Browsers let a page vibrate only after the person has touched it once; a citizen who just
// scanned the QR code has not. One tap here earns the buzz and the chime when the turn nears
// and when the number is called.
import { useState } from 'preact/hooks';
import { unlockChime } from './chime';
import { texts as t } from './texts';

export function VibrateOptIn() {
  const [enabled, setEnabled] = useState(false);
  if (typeof navigator.vibrate !== 'function') return null;
  if (enabled) return <p class="vibrate-on">{t.vibrateOn}</p>;
  return (
    <button type="button" class="vibrate-opt-in" onClick={() => {
        unlockChime();
        setEnabled(true);
      }}>
      {t.vibrateOptIn}
    </button>
  );
}
