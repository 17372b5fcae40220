import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ETX, FrameReader, STX, checksum, encodeFrame } from './framing';

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 32 });

describe('encodeFrame', () => {
  it('writes STX, the payload, ETX and the XOR of the payload as two hex digits', () => {
    const frame = encodeFrame('K003N');
    const xor = checksum(Buffer.from('K003N'));
    expect([...frame]).toEqual([STX, ...Buffer.from('K003N'), ETX, ...Buffer.from(xor.toString(16).toUpperCase().padStart(2, '0'))]);
  });

  it('refuses a payload that could be mistaken for framing', () => {
    expect(() => encodeFrame('K003\x03')).toThrow(RangeError);
    expect(() => encodeFrame('x'.repeat(33))).toThrow(RangeError);
  });
});

describe('FrameReader', () => {
  it('reads any frames back however the bytes are cut and whatever garbage lies between them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 8 }).map((g) => g.filter((b) => b !== STX)), printable), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }),
        (framesWithGarbage, cuts) => {
          const stream = Buffer.concat(framesWithGarbage.flatMap(([garbage, payload]) => [Buffer.from(garbage), encodeFrame(payload)]));
          const reader = new FrameReader();
          const got: string[] = [];
          for (let at = 0, i = 0; at < stream.length; i++) {
            const size = cuts[i % cuts.length];
            got.push(...reader.push(stream.subarray(at, at + size)));
            at += size;
          }
          expect(got).toEqual(framesWithGarbage.map(([, payload]) => payload));
        },
      ),
    );
  });

  it('drops a frame with a wrong checksum and still reads the next one', () => {
    const rejected: string[] = [];
    const reader = new FrameReader((reason) => rejected.push(reason));
    const bad = encodeFrame('K003N');
    bad[bad.length - 1] ^= 0x01;
    expect(reader.push(Buffer.concat([bad, encodeFrame('K003R')]))).toEqual(['K003R']);
    expect(rejected).toEqual(['bad-checksum']);
  });

  it('drops a frame cut short by the start of another', () => {
    const cut = encodeFrame('K003N').subarray(0, 4);
    expect(new FrameReader().push(Buffer.concat([cut, encodeFrame('K004F')]))).toEqual(['K004F']);
  });

  it('drops a frame whose payload holds a control byte or runs too long', () => {
    const reasons: string[] = [];
    const reader = new FrameReader((r) => reasons.push(r));
    const control = Buffer.from([STX, 0x4b, 0x0a, 0x4e, ETX, 0x30, 0x30]);
    const long = Buffer.concat([Buffer.of(STX), Buffer.alloc(40, 0x41), Buffer.of(ETX, 0x30, 0x30)]);
    expect(reader.push(Buffer.concat([control, long, encodeFrame('L001B')]))).toEqual(['L001B']);
    expect(reasons).toEqual(['bad-byte', 'too-long']);
  });

  it('accepts a checksum written in lower-case hex', () => {
    const frame = encodeFrame('K001N');
    const lower = Buffer.from(frame.toString('latin1').toLowerCase(), 'latin1');
    lower.write('K001N', 1, 'latin1');
    expect(new FrameReader().push(lower)).toEqual(['K001N']);
  });
});
