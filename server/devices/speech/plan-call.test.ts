import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAUSE, spokenClipTexts, templateParts } from './clip-catalog';
import { planCall, ticketLabelKeys } from './plan-call';

const voice = { template: 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}', repeats: 2, chime: true };

describe('planCall', () => {
  it('gives chime, phrase, digits one by one, phrase, counter, then the same again after a pause', () => {
    const once = ['xin-moi-cong-dan-co-so-thu-tu', 'digit-1', 'digit-0', 'digit-0', 'digit-5', 'den-quay-so', 'digit-3'];
    expect(planCall({ label: '1005', counterId: 3, voice })).toEqual(['chime', ...once, PAUSE, ...once]);
  });

  it('reads the counter as a number in words: 15 is "mười lăm", 21 "hai mươi mốt"', () => {
    const one = { ...voice, repeats: 1, chime: false };
    expect(planCall({ label: '1', counterId: 15, voice: one }).slice(-2)).toEqual(['word-muoi-huyen', 'word-lam']);
    expect(planCall({ label: '1', counterId: 21, voice: one }).slice(-3)).toEqual(['digit-2', 'word-muoi-ngang', 'word-mot']);
    expect(planCall({ label: '1', counterId: 105, voice: one }).slice(-4)).toEqual(['digit-1', 'word-tram', 'word-le', 'digit-5']);
  });

  it('reads a letter prefix by its letter name before the digits', () => {
    expect(ticketLabelKeys('T001')).toEqual(['letter-t', 'digit-0', 'digit-0', 'digit-1']);
    expect(ticketLabelKeys('Đ12')).toEqual(['letter-dd', 'digit-1', 'digit-2']);
  });

  it('skips the chime when it is off and repeats as configured', () => {
    const plan = planCall({ label: '7', counterId: 1, voice: { ...voice, chime: false, repeats: 3 } });
    expect(plan[0]).toBe('xin-moi-cong-dan-co-so-thu-tu');
    expect(plan.filter((k) => k === PAUSE)).toHaveLength(2);
    expect(plan.filter((k) => k === 'den-quay-so')).toHaveLength(3);
  });

  it('gives the chime alone in chime-only mode, whatever the repeats', () => {
    expect(planCall({ label: '1005', counterId: 3, voice: { ...voice, repeats: 3, announce: 'chime-only' } })).toEqual(['chime']);
  });

  it("says a counter's own recording in place of its number words when the centre made one", () => {
    const one = { ...voice, repeats: 1, chime: false };
    expect(planCall({ label: '1', counterId: 15, voice: one, counterRecorded: true }).slice(-2)).toEqual(['den-quay-so', 'counter-15']);
  });

  it('follows the template order, so "{counter}" can come first', () => {
    const plan = planCall({ label: '12', counterId: 4, voice: { template: 'Quầy {counter} mời số {number}.', repeats: 1, chime: false } });
    expect(plan).toEqual(['quay', 'digit-4', 'moi-so', 'digit-1', 'digit-2']);
  });

  it('uses only clips the catalogue can make, for any label and counter', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-ZĐ]{0,3}[0-9]{1,6}$/), fc.integer({ min: 1, max: 999 }), (label, counterId) => {
        const known = new Set(['chime', PAUSE, ...spokenClipTexts(voice).keys()]);
        for (const key of planCall({ label, counterId, voice })) expect(known).toContain(key);
      }),
    );
  });
});

describe('templateParts', () => {
  it('gives phrases that differ only by their marks distinct keys', () => {
    const keys = templateParts('số {number} sổ {counter}').flatMap((p) => (p.kind === 'phrase' ? [p.key] : []));
    expect(keys).toEqual(['so', 'so-2']);
  });

  it('keeps a phrase from taking the name of a digit or word clip', () => {
    const [part] = templateParts('Digit 1 {number}');
    expect(part).toMatchObject({ kind: 'phrase', key: 'phrase-digit-1' });
  });
});
