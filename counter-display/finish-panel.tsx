// Finishing a service with what the visit was for: one button (and one digit key) per
// outcome of the centre's list, and the dossier codes of the one-stop-shop software typed
// beside them. "Hoàn thành" (F / Enter) still finishes with no outcome ("chưa phân loại").
import type { OutcomeConfig } from '@protocol/config';
import { outcomeKey } from './shortcuts';
import { texts as t } from './texts';

/** Codes typed with commas, semicolons or spaces between them. */
export function parseDossierCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((c) => c.trim()).filter(Boolean))];
}

export function FinishPanel(props: {
  outcomes: readonly OutcomeConfig[];
  codes: string;
  onCodes: (text: string) => void;
  disabled: boolean;
  onFinish: (outcomeId: string) => void;
}) {
  return (
    <section class="panel finish-panel" aria-label={t.outcomeHeading}>
      <h2>
        {t.outcomeHeading} <span class="muted">{t.outcomeHint}</span>
      </h2>
      <div class="outcome-buttons">
        {props.outcomes.map((o, i) => (
          <button
            key={o.id}
            type="button"
            class="outcome-button"
            data-outcome={o.id}
            disabled={props.disabled}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => props.onFinish(o.id)}
          >
            <kbd>{outcomeKey(i)}</kbd>
            <span>{o.name}</span>
          </button>
        ))}
      </div>
      <label class="dossier-codes">
        {t.dossierCodes}
        <input
          name="dossierCodes"
          autoComplete="off"
          placeholder={t.dossierCodesPlaceholder}
          value={props.codes}
          onInput={(e) => props.onCodes((e.target as HTMLInputElement).value)}
          // Enter hands the keyboard back to the desk, so the next digit picks the outcome.
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'Escape') {
              e.preventDefault();
              (e.target as HTMLInputElement).blur();
            }
          }}
        />
      </label>
    </section>
  );
}
