// The server's time as seen from this device. A display's or a PC's own clock may be off by
// minutes; waits and the clock on screen should agree with the times the server stamps.
import { useMemo } from 'preact/hooks';
import type { Snapshot } from '@protocol/events';
import { useNow } from './hooks';

/** The current server time, ticking every `ms`, estimated from the last snapshot. */
export function useServerNow(snapshot: Snapshot | null, ms = 1000): number {
  // Measured when a snapshot arrives (every (re)connect); a config change copies the
  // snapshot with its old serverTime, so the time itself is the key, not the object.
  const serverTime = snapshot?.serverTime;
  const offset = useMemo(() => (serverTime === undefined ? 0 : serverTime - Date.now()), [serverTime]);
  return useNow(ms) + offset;
}
