// A date typed the Vietnamese way (14/03/2026) whatever the browser's language, with the
// browser's calendar one click away. Holds and reports YYYY-MM-DD.
import { useEffect, useRef, useState } from 'preact/hooks';
import { viDay } from './format';
import { appTexts as t } from './texts';

/** "14/3/2026" or "14/03/2026" → "2026-03-14"; null when it is not a real day. */
export function parseViDay(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function DayInput(props: { name: string; label: string; value: string; onChange: (isoDay: string) => void; hideLabel?: boolean }) {
  const [text, setText] = useState(props.value ? viDay(props.value) : '');
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (parseViDay(text) !== props.value) setText(props.value ? viDay(props.value) : '');
  }, [props.value]);
  const bad = text.trim() !== '' && parseViDay(text) === null;

  return (
    <label class="labelled inline day-input">
      <span class={props.hideLabel ? 'sr-only' : 'label-text'}>{props.label}</span>
      <span class="day-input-row">
        <input
          type="text"
          name={props.name}
          inputMode="numeric"
          placeholder={t.dayInputHint}
          value={text}
          aria-invalid={bad ? 'true' : undefined}
          title={bad ? t.badDay : undefined}
          onInput={(e) => {
            const v = e.currentTarget.value;
            setText(v);
            const iso = parseViDay(v);
            if (iso) props.onChange(iso);
          }}
        />
        <button type="button" class="icon" title={t.pickOnCalendar} aria-label={t.pickOnCalendar} onClick={() => picker.current?.showPicker?.()}>
          <CalendarIcon />
        </button>
        <input
          ref={picker}
          type="date"
          class="hidden-picker"
          tabIndex={-1}
          aria-hidden="true"
          value={props.value}
          onChange={(e) => e.currentTarget.value && props.onChange(e.currentTarget.value)}
        />
      </span>
      {bad && <span class="field-issue">{t.badDay}</span>}
    </label>
  );
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5">
      <rect x="1.75" y="2.75" width="12.5" height="11.5" rx="1.5" />
      <path d="M1.75 6.25h12.5M5 1.25v3M11 1.25v3" />
    </svg>
  );
}
