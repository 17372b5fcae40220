// Binds the desk's shortcut keys to the page while no dialog is open.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { actionForKey, outcomeForKey, type DeskAction } from './shortcuts';

function isTyping(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  if (!target?.closest) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return true;
  // Enter or Space on a focused button or link already clicks it; do not act twice.
  return (e.key === 'Enter' || e.key === ' ') && target.closest('button, a') !== null;
}

/** onOutcome(i): a digit key for the i-th of `outcomes` outcomes ("Hoàn thành" with it). */
export function useDeskKeys(onAction: (action: DeskAction) => void, enabled: boolean, outcomes = 0, onOutcome: (index: number) => void = () => undefined): void {
  const latest = useRef({ onAction, onOutcome, outcomes });
  latest.current = { onAction, onOutcome, outcomes };
  // Bound as soon as the desk (or the closing dialog) is on screen: a key pressed right
  // after it appears must not be lost.
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      // A held key must not call a whole string of numbers.
      if (e.repeat) return;
      const press = { key: e.key, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, typing: isTyping(e) };
      const outcome = outcomeForKey(press, latest.current.outcomes);
      if (outcome !== undefined) {
        e.preventDefault();
        latest.current.onOutcome(outcome);
        return;
      }
      const action = actionForKey(press);
      if (!action) return;
      e.preventDefault();
      latest.current.onAction(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
