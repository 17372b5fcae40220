import { useEffect, useRef } from 'preact/hooks';

/** Calls onIdle once nobody has touched the screen for `ms`: a citizen who walks away
 *  mid-choice must not leave the next one on a half-finished screen. */
export function useIdleReset(active: boolean, ms: number, onIdle: () => void): void {
  // The clock re-renders the kiosk every second; the latest callback is read when the time is up
  // so those re-renders do not restart the wait.
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    if (!active) return;
    const fire = () => latest.current();
    let timer = setTimeout(fire, ms);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(fire, ms);
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const e of events) window.addEventListener(e, touched, true);
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, touched, true);
    };
  }, [active, ms]);
}
