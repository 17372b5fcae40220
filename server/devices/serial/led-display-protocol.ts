// What the server sends to a counter's LED number display (byte tables in README.md).
//   payload = 'L' | address (3 digits = counter id) | 'D' | text (1–10 chars)   show the text
//   payload = 'L' | address                         | 'B'                       blank the display
import { decodeAddress, encodeAddress } from './address';
import { FrameReader, type FrameRejection, encodeFrame } from './framing';

export const LED_FRAME_TYPE = 'L';
export const LED_TEXT_MAX = 10;

export type LedCommand = { counterId: number; text: string } | { counterId: number; text: null };

/** LED displays draw ASCII only: a ticket label "Đ012" is shown as "D012". */
export function ledText(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
    .slice(0, LED_TEXT_MAX);
}

/** The frame that shows `label` at the counter, or blanks it for null (or a label with nothing to show). */
export function encodeLedCommand(counterId: number, label: string | null): Buffer {
  const text = label === null ? '' : ledText(label);
  return encodeFrame(LED_FRAME_TYPE + encodeAddress(counterId) + (text ? `D${text}` : 'B'));
}

export function decodeLedCommand(payload: string): LedCommand | null {
  const match = /^L(\d{3})(?:D([\x20-\x7e]{1,10})|B)$/.exec(payload);
  const counterId = match && decodeAddress(match[1]);
  if (!match || counterId === null) return null;
  return { counterId, text: match[2] ?? null };
}

export type LedRejection = FrameRejection | 'not-a-led-command';

/** LED commands out of a byte stream, as a display (or a test standing in for one) reads them. */
export function createLedReader(onReject: (reason: LedRejection, bytes: Buffer) => void = () => {}) {
  const frames = new FrameReader(onReject);
  return {
    push(chunk: Uint8Array): LedCommand[] {
      const commands: LedCommand[] = [];
      for (const payload of frames.push(chunk)) {
        if (!payload.startsWith(LED_FRAME_TYPE)) continue;
        const command = decodeLedCommand(payload);
        if (command) commands.push(command);
        else onReject('not-a-led-command', Buffer.from(payload, 'latin1'));
      }
      return commands;
    },
  };
}
