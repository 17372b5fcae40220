import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';

const sample = 'Mã thủ tục;Tên thủ tục\n1.001193;Đăng ký khai sinh, kết hôn; trích lục hộ tịch – Ưu tiên';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeText(Buffer.from(sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8' });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]);
    expect(decodeText(withBom)).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a byte order mark (Excel "Unicode text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: sample, encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sample, 'utf-16be')]);
    expect(decodeText(be)).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  it('reads Windows-1258 bytes, where tones are separate marks, as composed text', () => {
    // "Hộ tịch Đà" as Windows writes it: ô (F4) + dot below (F2), i + dot below, Đ (D0), a + grave (CC).
    const bytes = Buffer.from([0x48, 0xf4, 0xf2, 0x20, 0x74, 0x69, 0xf2, 0x63, 0x68, 0x20, 0xd0, 0x61, 0xcc]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('windows-1258');
    expect(decoded.text).toBe('Hộ tịch Đà');
    expect(decoded.text).toBe(decoded.text.normalize('NFC'));
  });

  it('composes decomposed UTF-8 (as macOS writes file names and some exports)', () => {
    const nfd = Buffer.from(sample.normalize('NFD'), 'utf8');
    expect(decodeText(nfd).text).toBe(sample);
  });
});
