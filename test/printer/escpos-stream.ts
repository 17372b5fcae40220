// Splits an ESC/POS byte stream into commands, knowing each command's length, so image
// data that happens to contain 1D 56 (GS V) or 10 04 (DLE EOT) is never mistaken for a
// command. Anything this project does not send is an error: the tests then fail loudly.

export type EscPosCommand =
  | { op: 'text'; bytes: Buffer }
  | { op: 'LF' }
  | { op: 'ESC @' }
  | { op: 'ESC a'; n: number }
  | { op: 'ESC E'; n: number }
  | { op: 'ESC M'; n: number }
  | { op: 'ESC 2' }
  | { op: 'ESC 3'; n: number }
  | { op: 'ESC J'; n: number }
  | { op: 'GS !'; n: number }
  | { op: 'GS L'; dots: number }
  | { op: 'GS v 0'; m: number; widthBytes: number; height: number; data: Buffer }
  | { op: 'GS ( k'; cn: number; fn: number; params: Buffer }
  | { op: 'GS V'; m: number; n?: number }
  | { op: 'DLE EOT'; n: number };

export interface Parsed {
  command: EscPosCommand;
  /** Offset of the first byte after the command. */
  end: number;
  start: number;
}

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;

/** The command at `at`, or null when the buffer ends inside it (wait for more bytes). */
export function parseCommandAt(buf: Buffer, at: number): Parsed | null {
  const need = (n: number) => at + n <= buf.length;
  const b0 = buf[at];
  const done = (command: EscPosCommand, length: number): Parsed | null => (need(length) ? { command, start: at, end: at + length } : null);
  if (b0 === 0x0a) return done({ op: 'LF' }, 1);
  if (b0 >= 0x20 && b0 !== 0x7f) {
    let end = at;
    while (end < buf.length && buf[end] >= 0x20 && buf[end] !== 0x7f) end++;
    return { command: { op: 'text', bytes: buf.subarray(at, end) }, start: at, end };
  }
  if (!need(2)) return null;
  const b1 = buf[at + 1];
  if (b0 === DLE && b1 === 0x04) return need(3) ? done({ op: 'DLE EOT', n: buf[at + 2] }, 3) : null;
  if (b0 === ESC) {
    switch (b1) {
      case 0x40:
        return done({ op: 'ESC @' }, 2);
      case 0x32:
        return done({ op: 'ESC 2' }, 2);
      case 0x61:
        return need(3) ? done({ op: 'ESC a', n: buf[at + 2] }, 3) : null;
      case 0x45:
        return need(3) ? done({ op: 'ESC E', n: buf[at + 2] }, 3) : null;
      case 0x4d:
        return need(3) ? done({ op: 'ESC M', n: buf[at + 2] }, 3) : null;
      case 0x33:
        return need(3) ? done({ op: 'ESC 3', n: buf[at + 2] }, 3) : null;
      case 0x4a:
        return need(3) ? done({ op: 'ESC J', n: buf[at + 2] }, 3) : null;
    }
  }
  if (b0 === GS) {
    switch (b1) {
      case 0x21:
        return need(3) ? done({ op: 'GS !', n: buf[at + 2] }, 3) : null;
      case 0x4c:
        return need(4) ? done({ op: 'GS L', dots: buf[at + 2] + 256 * buf[at + 3] }, 4) : null;
      case 0x56: {
        if (!need(3)) return null;
        const m = buf[at + 2];
        if (m === 0 || m === 1 || m === 48 || m === 49) return done({ op: 'GS V', m }, 3);
        return need(4) ? done({ op: 'GS V', m, n: buf[at + 3] }, 4) : null;
      }
      case 0x76: {
        if (!need(8)) return null;
        if (buf[at + 2] !== 0x30) break;
        const widthBytes = buf[at + 4] + 256 * buf[at + 5];
        const height = buf[at + 6] + 256 * buf[at + 7];
        const length = 8 + widthBytes * height;
        return need(length) ? done({ op: 'GS v 0', m: buf[at + 3], widthBytes, height, data: buf.subarray(at + 8, at + length) }, length) : null;
      }
      case 0x28: {
        if (!need(5) || buf[at + 2] !== 0x6b) return need(5) ? unknown(buf, at) : null;
        const p = buf[at + 3] + 256 * buf[at + 4];
        const length = 5 + p;
        return need(length) ? done({ op: 'GS ( k', cn: buf[at + 5], fn: buf[at + 6], params: buf.subarray(at + 7, at + length) }, length) : null;
      }
    }
  }
  return unknown(buf, at);
}

function unknown(buf: Buffer, at: number): never {
  throw new Error(`unknown ESC/POS command at byte ${at}: ${buf.subarray(at, at + 4).toString('hex')}`);
}

/** Every command in a complete stream. */
export function parseAll(buf: Buffer): Parsed[] {
  const out: Parsed[] = [];
  for (let at = 0; at < buf.length; ) {
    const p = parseCommandAt(buf, at);
    if (!p) throw new Error(`stream ends inside a command at byte ${at}`);
    out.push(p);
    at = p.end;
  }
  return out;
}
