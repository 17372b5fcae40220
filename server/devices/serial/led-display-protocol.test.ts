import { describe, expect, it } from 'vitest';
import { createLedReader, decodeLedCommand, encodeLedCommand, ledText } from './led-display-protocol';

describe('LED display protocol', () => {
  it('shows a label with "L", the address, "D" and the text, and blanks with "B"', () => {
    expect(encodeLedCommand(3, '1005').subarray(1, 10).toString('latin1')).toBe('L003D1005');
    expect(encodeLedCommand(3, null).subarray(1, 6).toString('latin1')).toBe('L003B');
  });

  it('reads back what it sends, in order', () => {
    const bytes = Buffer.concat([encodeLedCommand(3, '1005'), encodeLedCommand(12, 'A025'), encodeLedCommand(3, null)]);
    expect(createLedReader().push(bytes)).toEqual([
      { counterId: 3, text: '1005' },
      { counterId: 12, text: 'A025' },
      { counterId: 3, text: null },
    ]);
  });

  it('draws a Vietnamese prefix in ASCII and keeps within the display width', () => {
    expect(ledText('Đ012')).toBe('D012');
    expect(ledText('Ưu tiên 0001')).toBe('Uu tien 00');
  });

  it('blanks the display for a label with nothing it can draw', () => {
    expect(decodeLedCommand(encodeLedCommand(5, '中').subarray(1, -3).toString('latin1'))).toEqual({ counterId: 5, text: null });
  });

  it('refuses an address outside 1…999', () => {
    expect(() => encodeLedCommand(0, '1')).toThrow(RangeError);
    expect(() => encodeLedCommand(1000, '1')).toThrow(RangeError);
  });
});
