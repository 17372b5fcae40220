// What a counter's hardware keypad sends: one frame per key press (byte tables in README.md).
//   payload = 'K' | address (3 digits = counter id) | key code | [field number, 1–3 digits, Transfer only]
import { decodeAddress, encodeAddress } from './address';
import { FrameReader, type FrameRejection, encodeFrame } from './framing';

export const KEYPAD_KEYS = ['next', 'recall', 'no-show', 'finish', 'transfer', 'pause', 'resume'] as const;
export type KeypadKey = (typeof KEYPAD_KEYS)[number];

export interface KeyPress {
  counterId: number;
  key: KeypadKey;
  /** Transfer only: the target field's number as the keypad's digit keys typed it (1 = first field). */
  fieldNumber?: number;
}

export const KEYPAD_FRAME_TYPE = 'K';

export const KEY_CODES: Record<KeypadKey, string> = {
  next: 'N',
  recall: 'R',
  'no-show': 'S', // "skip"
  finish: 'F',
  transfer: 'T',
  pause: 'P',
  resume: 'C', // "continue"
};
const KEY_OF_CODE = new Map(Object.entries(KEY_CODES).map(([key, code]) => [code, key as KeypadKey]));

export function encodeKeyPress({ counterId, key, fieldNumber }: KeyPress): Buffer {
  let field = '';
  if (fieldNumber !== undefined) {
    if (key !== 'transfer') throw new RangeError('only Transfer carries a field number');
    if (!Number.isInteger(fieldNumber) || fieldNumber < 1 || fieldNumber > 999) throw new RangeError(`field number ${fieldNumber} is not 1…999`);
    field = String(fieldNumber);
  }
  return encodeFrame(KEYPAD_FRAME_TYPE + encodeAddress(counterId) + KEY_CODES[key] + field);
}

/** A key press from a frame's payload; null when the payload is not a well-formed keypad frame. */
export function decodeKeyPress(payload: string): KeyPress | null {
  const match = /^K(\d{3})([A-Z])(\d{0,3})$/.exec(payload);
  if (!match) return null;
  const counterId = decodeAddress(match[1]);
  const key = KEY_OF_CODE.get(match[2]);
  if (counterId === null || !key) return null;
  if (!match[3]) return { counterId, key };
  const fieldNumber = Number(match[3]);
  if (key !== 'transfer' || fieldNumber < 1) return null;
  return { counterId, key, fieldNumber };
}

export type KeypadRejection = FrameRejection | 'not-a-key-press';

/** Key presses out of a byte stream; frames for other device types on the same bus are passed over. */
export function createKeypadReader(onReject: (reason: KeypadRejection, bytes: Buffer) => void = () => {}) {
  const frames = new FrameReader(onReject);
  return {
    push(chunk: Uint8Array): KeyPress[] {
      const presses: KeyPress[] = [];
      for (const payload of frames.push(chunk)) {
        if (!payload.startsWith(KEYPAD_FRAME_TYPE)) continue;
        const press = decodeKeyPress(payload);
        if (press) presses.push(press);
        else onReject('not-a-key-press', Buffer.from(payload, 'latin1'));
      }
      return presses;
    },
  };
}
