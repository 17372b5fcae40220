// The citizen with an appointment types its 6-character code on a drawn keypad (the kiosk has
// no keyboard); the pad holds only the characters a code can have, and the boxes show how many
// are still missing.
import { useState } from 'preact/hooks';
import { BOOKING_CODE_LENGTH } from '@protocol/appointments';
import { applyKey, OnScreenKeyboard, type KeyPress } from '@client/on-screen-keyboard';
import { kioskTexts as t } from './texts';

export function BookingCodeEntry(props: { initial?: string; disabled: boolean; onSubmit: (code: string) => void; onBack: () => void }) {
  const [code, setCode] = useState(props.initial ?? '');
  const type = (k: KeyPress) => setCode((c) => applyKey(c, k).slice(0, BOOKING_CODE_LENGTH));
  const complete = code.length === BOOKING_CODE_LENGTH;
  return (
    <section class="kiosk-panel booking-code-entry">
      <h1>{t.checkInTitle}</h1>
      <p class="kiosk-lead">{t.checkInLead}</p>
      <div class="code-boxes" role="textbox" aria-label={t.checkInCode} aria-readonly="true" data-code={code}>
        {Array.from({ length: BOOKING_CODE_LENGTH }, (_, i) => (
          <span key={i} class={`code-box${i === code.length ? ' next' : ''}`}>
            {code[i] ?? ''}
          </span>
        ))}
      </div>
      <OnScreenKeyboard layout="booking-code" onKey={type} />
      <div class="code-actions">
        <button class="kiosk-back" onClick={props.onBack}>
          ← {t.back}
        </button>
        <button class="kiosk-done" data-action="check-in" disabled={!complete || props.disabled} onClick={() => props.onSubmit(code)}>
          {t.checkInSubmit}
        </button>
      </div>
    </section>
  );
}
