import { useEffect, useRef, useState } from 'preact/hooks';

/** Seconds left before onDone runs; onDone runs once, when they reach zero. */
export function useCountdown(seconds: number, onDone: () => void): number {
  const [left, setLeft] = useState(seconds);
  const latest = useRef(onDone);
  latest.current = onDone;
  useEffect(() => {
    const startedAt = Date.now();
    const tick = setInterval(() => setLeft(Math.max(0, seconds - Math.floor((Date.now() - startedAt) / 1000))), 250);
    const done = setTimeout(() => latest.current(), seconds * 1000);
    return () => {
      clearInterval(tick);
      clearTimeout(done);
    };
  }, [seconds]);
  return left;
}
