// A modal question over the page: a confirmation, or a small form (new password, new name).
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { appTexts } from './texts';

export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren; actions: ComponentChildren; onSubmit?: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props.onClose]);
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <form
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit?.();
        }}
      >
        <h2>{props.title}</h2>
        <div class="dialog-body">{props.children}</div>
        <div class="dialog-actions">
          <button type="button" class="secondary" onClick={props.onClose}>
            {appTexts.cancel}
          </button>
          {props.actions}
        </div>
      </form>
    </div>
  );
}
