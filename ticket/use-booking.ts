// One booking, read by its code over HTTP (the book has no socket room) when the page opens,
// every 20 seconds while it stays open (a kiosk or an officer may check it in or cancel it),
// and again the moment its check-in window opens or closes. Its clock is the server's: the
// phone's own may be minutes off, and the window is the server's to judge.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BookingView } from '@protocol/appointments';
import type { ErrorBody } from '@protocol/errors';
import { request } from '@client/api';
import { useNow } from '@client/hooks';
import { checkInPhase, type CheckInPhase } from './check-in-phase';
import { forgetBooking, keepBooking } from './stored-bookings';

export interface WatchedBooking {
  view: BookingView | null;
  error: ErrorBody | null;
  /** The server's time now, ticking every second. */
  now: number;
  phase: CheckInPhase | null;
  setView(view: BookingView): void;
  refresh(): Promise<void>;
}

const POLL_MS = 20_000;

export function useBooking(code: string): WatchedBooking {
  const [view, setViewState] = useState<BookingView | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [offset, setOffset] = useState(0);
  const now = useNow(1000) + offset;

  const setView = (v: BookingView) => {
    setViewState(v);
    setOffset(v.serverTime - Date.now());
    setError(null);
    keepBooking(v);
  };
  const refresh = async () => {
    const res = await request('appointment:look-up', { code });
    if (res.ok) setView(res.data);
    else {
      setError(res.error);
      if (res.error.code === 'unknown-booking') forgetBooking(code);
    }
  };

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [code]);

  const phase = useMemo(() => (view ? checkInPhase(view, now) : null), [view, now]);
  // The window opening or closing changes what the server says (missed): ask it then.
  const [lastPhase, setLastPhase] = useState<CheckInPhase | null>(null);
  useEffect(() => {
    if (lastPhase !== null && phase !== lastPhase) void refresh();
    setLastPhase(phase);
  }, [phase]);

  return { view, error, now, phase, setView, refresh };
}
