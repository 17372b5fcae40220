import { useEffect, useRef } from 'preact/hooks';
import type { PublicTicketView } from '@protocol/events';
import { chime } from './chime';

/** Places ahead at which the citizen is told to come back near the counters. */
export const NEAR_TURN = 3;

/**
 * Buzzes the phone and chimes when its number is called to a counter, and once when only
 * NEAR_TURN are left ahead (not when the page opens on a call already made or a short line).
 */
export function useVibrateOnCall(view: PublicTicketView | null): void {
  const lastCall = useRef<string | null | undefined>(undefined);
  const lastAhead = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!view) return;
    const call = view.status === 'serving' ? String(view.counterId) : null;
    if (lastCall.current !== undefined && call !== null && call !== lastCall.current) {
      navigator.vibrate?.([400, 200, 400]);
      chime();
    }
    lastCall.current = call;
    const ahead = view.status === 'waiting' ? view.waitingAhead : undefined;
    if (ahead !== undefined && lastAhead.current !== undefined && lastAhead.current > NEAR_TURN && ahead <= NEAR_TURN) {
      navigator.vibrate?.([200, 100, 200]);
      chime();
    }
    lastAhead.current = ahead;
  }, [view]);
}
