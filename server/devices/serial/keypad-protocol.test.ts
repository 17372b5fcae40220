import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame } from './framing';
import { KEYPAD_KEYS, createKeypadReader, decodeKeyPress, encodeKeyPress } from './keypad-protocol';
import { encodeLedCommand } from './led-display-protocol';

describe('keypad protocol', () => {
  it('sends Next at counter 3 as STX "K003N" ETX checksum', () => {
    expect(encodeKeyPress({ counterId: 3, key: 'next' }).toString('latin1')).toBe('\x02K003N\x03' + (0x4b ^ 0x30 ^ 0x30 ^ 0x33 ^ 0x4e).toString(16).toUpperCase().padStart(2, '0'));
  });

  it('carries the target field number with Transfer', () => {
    expect(encodeKeyPress({ counterId: 12, key: 'transfer', fieldNumber: 2 }).subarray(1, 7).toString('latin1')).toBe('K012T2');
    expect(decodeKeyPress('K012T2')).toEqual({ counterId: 12, key: 'transfer', fieldNumber: 2 });
    expect(decodeKeyPress('K012T')).toEqual({ counterId: 12, key: 'transfer' });
  });

  it('decodes every key press it encodes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom(...KEYPAD_KEYS), fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }), (counterId, key, field) => {
        const press = key === 'transfer' && field !== undefined ? { counterId, key, fieldNumber: field } : { counterId, key };
        expect(createKeypadReader().push(encodeKeyPress(press))).toEqual([press]);
      }),
    );
  });

  it.each([
    ['address 000', 'K000N'],
    ['an unknown key', 'K003Z'],
    ['a field number on Next', 'K003N2'],
    ['field number 0', 'K003T0'],
    ['a short address', 'K03N'],
  ])('rejects %s', (_what, payload) => {
    expect(decodeKeyPress(payload)).toBeNull();
  });

  it('passes over LED frames on a shared bus and reports malformed keypad frames', () => {
    const reasons: string[] = [];
    const reader = createKeypadReader((r) => reasons.push(r));
    const bytes = Buffer.concat([encodeLedCommand(3, '1005'), encodeFrame('K003Z'), encodeKeyPress({ counterId: 3, key: 'finish' })]);
    expect(reader.push(bytes)).toEqual([{ counterId: 3, key: 'finish' }]);
    expect(reasons).toEqual(['not-a-key-press']);
  });
});
