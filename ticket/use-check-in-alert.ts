import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckInPhase } from './check-in-phase';
import { chime } from './chime';

/**
 * Buzzes the phone and chimes once when the booking's check-in window opens while its page is
 * open (not when the page opens on a window already open), as the ticket page does when the
 * turn nears. Answers whether it has, for the banner that says so.
 */
export function useCheckInAlert(phase: CheckInPhase | null, booked: boolean): boolean {
  const last = useRef<CheckInPhase | null>(null);
  const [alerted, setAlerted] = useState(false);
  useEffect(() => {
    if (booked && last.current === 'before' && phase === 'open') {
      navigator.vibrate?.([400, 200, 400]);
      chime();
      setAlerted(true);
    }
    if (phase !== null) last.current = phase;
  }, [phase, booked]);
  return alerted;
}
