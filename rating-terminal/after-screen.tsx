// Shown for a few seconds after a tap, then the terminal returns to its idle screen.
import type { Aftermath } from './screen';
import { texts as t } from './texts';

export function AfterScreen(props: { after: Aftermath }) {
  if (props.after.kind === 'refused') {
    return (
      <main class="screen after refused" data-screen="refused">
        <h1>{t.refused}</h1>
        <p class="after-note">{props.after.message}</p>
      </main>
    );
  }
  return (
    <main class="screen after thanks" data-screen="thanks">
      <div class="thanks-mark" aria-hidden="true">✓</div>
      <h1>{t.thanks}</h1>
      <p class="after-note">{t.thanksNote}</p>
    </main>
  );
}
