// A kiosk's touch screen has no keyboard of its own. Search ignores diacritics, so plain
// letters are enough: "khai sinh" finds "Khai sinh" without any Vietnamese input method.
import { lookupTexts as t } from './texts';

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

export type KeyPress = { kind: 'char'; char: string } | { kind: 'backspace' } | { kind: 'clear' };

export function OnScreenKeyboard(props: { onKey: (k: KeyPress) => void }) {
  // pointerdown, not click: the key reacts on touch, and the search box keeps its focus.
  const press = (k: KeyPress) => (e: Event) => {
    e.preventDefault();
    props.onKey(k);
  };
  return (
    <div class="osk" aria-label="Bàn phím">
      {ROWS.map((row, i) => (
        <div class="osk-row" key={row}>
          {[...row].map((c) => (
            <button key={c} class="osk-key" data-key={c} onPointerDown={press({ kind: 'char', char: c })}>
              {c.toUpperCase()}
            </button>
          ))}
          {i === ROWS.length - 1 && (
            <button class="osk-key osk-wide" data-key="backspace" onPointerDown={press({ kind: 'backspace' })}>
              ⌫ {t.keyboardBackspace}
            </button>
          )}
        </div>
      ))}
      <div class="osk-row">
        <button class="osk-key osk-space" data-key="space" onPointerDown={press({ kind: 'char', char: ' ' })}>
          {t.keyboardSpace}
        </button>
        <button class="osk-key osk-wide" data-key="clear" onPointerDown={press({ kind: 'clear' })}>
          {t.keyboardClear}
        </button>
      </div>
    </div>
  );
}

export function applyKey(text: string, k: KeyPress): string {
  if (k.kind === 'clear') return '';
  if (k.kind === 'backspace') return text.slice(0, -1);
  return text + k.char;
}
