// A modal frame for the desk's small forms; Escape or "Huỷ" closes it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { texts as t } from './texts';

export function DialogFrame(props: {
  title: string;
  error?: string;
  busy: boolean;
  submitLabel: string;
  canSubmit?: boolean;
  /** Enter confirms at once (forms without a text box to type into). */
  focusSubmit?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // The attribute autofocus only works at page load; a dialog opens later.
    const first = form.current?.querySelector<HTMLElement>(props.focusSubmit ? 'button[type="submit"]' : '[data-autofocus]');
    first?.focus();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') props.onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [props.onClose]);

  return (
    <div class="dialog-backdrop">
      <form
        ref={form}
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <h2>{props.title}</h2>
        {props.children}
        {props.error && <p class="error" role="alert">{props.error}</p>}
        <div class="dialog-buttons">
          <button type="button" class="plain-button" onClick={props.onClose}>
            {t.cancel}
          </button>
          <button type="submit" class="big-button" disabled={props.busy || props.canSubmit === false}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
