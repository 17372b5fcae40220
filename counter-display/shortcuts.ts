// The console's keyboard: one key per action, so a staff member can work without the mouse.
// Kept pure so the mapping is tested apart from the page.

export type DeskAction = 'call-next' | 'recall' | 'call-number' | 'no-show' | 'transfer' | 'finish' | 'pause';

/** The key printed on each button; the first is shown, all of them work. */
export const shortcutKeys: Record<DeskAction, string[]> = {
  'call-next': ['N', 'Space'],
  recall: ['R'],
  'call-number': ['S'],
  'no-show': ['V'],
  transfer: ['C'],
  finish: ['F', 'Enter'],
  pause: ['P'],
};

const byKey = new Map<string, DeskAction>();
for (const [action, keys] of Object.entries(shortcutKeys) as [DeskAction, string[]][]) {
  for (const k of keys) byKey.set(k, action);
}

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** The keystroke is meant for a text box, a button or a dialog, not for the desk. */
  typing?: boolean;
}

const forDesk = (press: KeyPress) => !(press.typing || press.ctrlKey || press.altKey || press.metaKey);

/** The desk action a key press stands for, or undefined when the key belongs to something else. */
export function actionForKey(press: KeyPress): DeskAction | undefined {
  if (!forDesk(press)) return undefined;
  const key = press.key === ' ' ? 'Space' : press.key.length === 1 ? press.key.toUpperCase() : press.key;
  return byKey.get(key);
}

/** "Hoàn thành" with the n-th outcome of the centre's list (0-based): keys 1–9, in the list's order. */
export function outcomeForKey(press: KeyPress, outcomes: number): number | undefined {
  if (!forDesk(press) || !/^[1-9]$/.test(press.key)) return undefined;
  const index = Number(press.key) - 1;
  return index < outcomes ? index : undefined;
}

/** The key printed beside the n-th outcome. */
export const outcomeKey = (index: number) => String(index + 1);
