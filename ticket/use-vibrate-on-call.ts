import { useEffect, useRef } from 'preact/hooks';
import type { PublicTicketView } from '@protocol/events';

/** Buzzes the phone when its number is called to a counter (not when the page opens on a call already made). */
export function useVibrateOnCall(view: PublicTicketView | null): void {
  const lastCall = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!view) return;
    const call = view.status === 'serving' ? String(view.counterId) : null;
    if (lastCall.current !== undefined && call !== null && call !== lastCall.current) navigator.vibrate?.([400, 200, 400]);
    lastCall.current = call;
  }, [view]);
}
