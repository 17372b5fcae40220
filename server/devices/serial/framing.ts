// The frame both device types share on the serial line (byte tables in README.md):
//   STX | payload (printable ASCII) | ETX | checksum (2 hex ASCII digits: XOR of the payload bytes)
// Printable payload means STX and ETX never occur inside a frame, so a reader that lost its
// place (garbage, a frame cut by a reconnect) finds the next frame at the next STX.

export const STX = 0x02;
export const ETX = 0x03;
export const MAX_PAYLOAD = 32;

const isPrintable = (byte: number) => byte >= 0x20 && byte <= 0x7e;

export function checksum(payload: Uint8Array): number {
  return payload.reduce((x, b) => x ^ b, 0);
}

const hex2 = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

export function encodeFrame(payload: string): Buffer {
  const body = Buffer.from(payload, 'latin1');
  if (body.length > MAX_PAYLOAD || !body.every(isPrintable)) throw new RangeError(`frame payload must be ≤ ${MAX_PAYLOAD} printable ASCII: ${JSON.stringify(payload)}`);
  return Buffer.concat([Buffer.of(STX), body, Buffer.of(ETX), Buffer.from(hex2(checksum(body)), 'latin1')]);
}

export type FrameRejection = 'bad-checksum' | 'bad-byte' | 'too-long';

/** Reads frames out of a byte stream delivered in arbitrary pieces. */
export class FrameReader {
  private pending: number[] = [];

  constructor(private readonly onReject: (reason: FrameRejection, bytes: Buffer) => void = () => {}) {}

  /** Feeds bytes in; returns the payloads of the frames they complete. */
  push(chunk: Uint8Array): string[] {
    const payloads: string[] = [];
    for (const byte of chunk) {
      if (byte === STX) {
        // A new start inside a frame means the old one was cut off: drop it, begin again.
        if (this.pending.length > 0) this.reject('bad-byte');
        this.pending = [STX];
        continue;
      }
      if (this.pending.length === 0) continue; // garbage between frames
      this.pending.push(byte);
      const etxAt = this.pending.indexOf(ETX);
      if (etxAt < 0) {
        if (!isPrintable(byte)) this.reject('bad-byte');
        else if (this.pending.length - 1 > MAX_PAYLOAD) this.reject('too-long');
        continue;
      }
      if (this.pending.length < etxAt + 3) {
        if (byte !== ETX && !isHexDigit(byte)) this.reject('bad-byte');
        continue;
      }
      const payload = Buffer.from(this.pending.slice(1, etxAt));
      const sent = Buffer.from(this.pending.slice(etxAt + 1)).toString('latin1').toUpperCase();
      if (sent === hex2(checksum(payload))) {
        payloads.push(payload.toString('latin1'));
        this.pending = [];
      } else this.reject('bad-checksum');
    }
    return payloads;
  }

  private reject(reason: FrameRejection): void {
    this.onReject(reason, Buffer.from(this.pending));
    this.pending = [];
  }
}

function isHexDigit(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}
