// A touch screen has no keyboard of its own. Search ignores diacritics, so plain letters are
// enough: "khai sinh" finds "Khai sinh" without any Vietnamese input method. The digit pad
// types a pairing code; the letters with a shift key type a manager's name and password; the
// booking-code pad has only the characters a booking code can hold, in alphabetical order, so
// nobody hunts for an O that is not there.
import { useState } from 'preact/hooks';
import { BOOKING_CODE_LETTERS } from '@protocol/appointments';
import { sharedTexts as t } from './texts';
import './on-screen-keyboard.css';

const LETTER_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const DIGIT_ROWS = ['123', '456', '789'];
const SIGN_IN_SYMBOLS = '.-_@';
/** "23456789", then the letters eight to a row. */
const CODE_ROWS = ((digits: string, letters: string) => [digits, letters.slice(0, 8), letters.slice(8, 16), letters.slice(16)])(
  BOOKING_CODE_LETTERS.replace(/[A-Z]/g, ''),
  BOOKING_CODE_LETTERS.replace(/\d/g, ''),
);

export type KeyPress = { kind: 'char'; char: string } | { kind: 'backspace' } | { kind: 'clear' };

export function OnScreenKeyboard(props: { onKey: (k: KeyPress) => void; layout?: 'letters' | 'digits' | 'booking-code'; withShift?: boolean }) {
  const [shifted, setShifted] = useState(false);
  // pointerdown, not click: the key reacts on touch, and the text box keeps its focus.
  const press = (k: KeyPress) => (e: Event) => {
    e.preventDefault();
    props.onKey(k);
  };
  const key = (c: string) => {
    const char = shifted ? c.toUpperCase() : c;
    return (
      <button key={c} type="button" class="osk-key" data-key={c} onPointerDown={press({ kind: 'char', char })}>
        {props.withShift ? char : c.toUpperCase()}
      </button>
    );
  };
  const backspace = (
    <button type="button" class="osk-key osk-wide" data-key="backspace" onPointerDown={press({ kind: 'backspace' })}>
      ⌫ {t.keyboardBackspace}
    </button>
  );
  const clear = (
    <button type="button" class="osk-key osk-wide" data-key="clear" onPointerDown={press({ kind: 'clear' })}>
      {t.keyboardClear}
    </button>
  );

  if (props.layout === 'booking-code') {
    // Four rows, the deleting keys at the ends, so the pad leaves room for the code above it.
    return (
      <div class="osk osk-code" aria-label={t.keyboard}>
        {CODE_ROWS.map((row, i) => (
          <div class="osk-row" key={row}>
            {[...row].map(key)}
            {i === 0 && backspace}
            {i === CODE_ROWS.length - 1 && clear}
          </div>
        ))}
      </div>
    );
  }
  if (props.layout === 'digits') {
    return (
      <div class="osk osk-digits" aria-label={t.keyboard}>
        {DIGIT_ROWS.map((row) => (
          <div class="osk-row" key={row}>
            {[...row].map(key)}
          </div>
        ))}
        <div class="osk-row">
          {clear}
          {key('0')}
          {backspace}
        </div>
      </div>
    );
  }
  return (
    <div class="osk" aria-label={t.keyboard}>
      {LETTER_ROWS.map((row, i) => (
        <div class="osk-row" key={row}>
          {[...row].map(key)}
          {i === LETTER_ROWS.length - 1 && backspace}
        </div>
      ))}
      <div class="osk-row">
        {props.withShift && (
          <button
            type="button"
            class={`osk-key osk-wide${shifted ? ' osk-on' : ''}`}
            data-key="shift"
            aria-pressed={shifted}
            onPointerDown={(e) => {
              e.preventDefault();
              setShifted((s) => !s);
            }}
          >
            ⇧ {t.keyboardShift}
          </button>
        )}
        {/* Names and passwords may hold these (user names allow . _ -). */}
        {props.withShift && [...SIGN_IN_SYMBOLS].map(key)}
        <button type="button" class="osk-key osk-space" data-key="space" onPointerDown={press({ kind: 'char', char: ' ' })}>
          {t.keyboardSpace}
        </button>
        {clear}
      </div>
    </div>
  );
}

export function applyKey(text: string, k: KeyPress): string {
  if (k.kind === 'clear') return '';
  if (k.kind === 'backspace') return text.slice(0, -1);
  return text + k.char;
}
