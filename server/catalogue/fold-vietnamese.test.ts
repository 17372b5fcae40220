import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, foldedWords } from './fold-vietnamese';

describe('foldVietnamese', () => {
  it('drops tones and vowel marks, lowers case and turns đ/Đ into d', () => {
    expect(foldVietnamese('Đăng ký Kết hôn')).toBe('dang ki ket hon');
    expect(foldVietnamese('Hộ tịch')).toBe('ho tich');
    expect(foldVietnamese('ĐẤT ĐAI – XÂY DỰNG')).toBe('dat dai xay dung');
    expect(foldVietnamese('Bảo hiểm xã hội, ưu đãi người có công')).toBe('bao hiem xa hoi uu dai nguoi co cong');
  });

  it('gives the same key whichever vowel an input method puts the tone on', () => {
    expect(foldVietnamese('hoà giải')).toBe(foldVietnamese('hòa giải'));
    expect(foldVietnamese('thuỷ lợi')).toBe(foldVietnamese('thủy lợi'));
  });

  it('spells a lone final y after consonants as i, as "kí" and "ký" are both correct', () => {
    expect(foldVietnamese('đăng kí')).toBe(foldVietnamese('Đăng ký'));
    expect(foldVietnamese('lý lịch')).toBe(foldVietnamese('lí lịch'));
    expect(foldVietnamese('xây dựng, y tế, tuy')).toBe('xay dung y te tuy');
  });

  it('treats punctuation and runs of spaces as one word break', () => {
    expect(foldVietnamese('  Phí, lệ phí (*)  ')).toBe('phi le phi');
    expect(foldedWords('Cha,  mẹ - con')).toEqual(['cha', 'me', 'con']);
    expect(foldedWords(' ,; ')).toEqual([]);
  });

  it('gives the same key for composed (NFC) and decomposed (NFD) text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aăâeêioôơuưyđAĂÂĐ \u0300\u0301\u0303\u0309\u0323'.split('')) }), (s) => {
        expect(foldVietnamese(s.normalize('NFD'))).toBe(foldVietnamese(s.normalize('NFC')));
      }),
    );
  });
});
