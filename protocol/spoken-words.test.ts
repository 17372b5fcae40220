import { describe, expect, it } from 'vitest';
import { callSentence, numberWords, ticketLabelWords } from './spoken-words';

const read = (n: number) => numberWords(n).join(' ');

describe('numberWords', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [3, 'ba'],
    [4, 'bốn'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [19, 'mười chín'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [31, 'ba mươi mốt'],
    [55, 'năm mươi lăm'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [101, 'một trăm lẻ một'],
    [104, 'một trăm lẻ bốn'],
    [105, 'một trăm lẻ năm'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [200, 'hai trăm'],
    [999, 'chín trăm chín mươi chín'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm lẻ năm'],
    [1015, 'một nghìn không trăm mười lăm'],
    [1050, 'một nghìn không trăm năm mươi'],
    [2021, 'hai nghìn không trăm hai mươi mốt'],
    [10_000, 'mười nghìn'],
    [15_000, 'mười lăm nghìn'],
    [21_500, 'hai mươi mốt nghìn năm trăm'],
    [105_000, 'một trăm lẻ năm nghìn'],
    [999_999, 'chín trăm chín mươi chín nghìn chín trăm chín mươi chín'],
  ])('reads %i as "%s"', (n, words) => {
    expect(read(n)).toBe(words);
  });

  it('never says "mười năm", "mươi một" or "mươi bốn" for any number up to 9999', () => {
    for (let n = 0; n <= 9999; n++) expect(read(n)).not.toMatch(/mười năm|mươi một|mươi bốn|mươi năm/);
  });

  it.each([-1, 1.5, 1_000_000, Number.NaN])('refuses %s', (n) => {
    expect(() => numberWords(n)).toThrow(RangeError);
  });
});

describe('callSentence', () => {
  const template = 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}';
  it('reads the number digit by digit and the counter as a number', () => {
    expect(callSentence(template, '1005', 15)).toBe('Xin mời công dân có số thứ tự một không không năm đến quầy số mười lăm');
  });
  it('reads a prefix by its letter names, a marked vowel by its base letter, and skips a dash', () => {
    expect(callSentence(template, 'T-001', 3)).toBe('Xin mời công dân có số thứ tự tê không không một đến quầy số ba');
    expect(ticketLabelWords('Đ2')).toEqual(['đê', 'hai']);
    expect(ticketLabelWords('Ư1')).toEqual(['u', 'một']);
  });
});
