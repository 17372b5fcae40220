import { describe, expect, it } from 'vitest';
import { actionForKey, outcomeForKey } from './shortcuts';

describe('actionForKey', () => {
  it('maps each documented key to its action whatever the letter case', () => {
    expect(actionForKey({ key: 'n' })).toBe('call-next');
    expect(actionForKey({ key: 'N' })).toBe('call-next');
    expect(actionForKey({ key: ' ' })).toBe('call-next');
    expect(actionForKey({ key: 'r' })).toBe('recall');
    expect(actionForKey({ key: 's' })).toBe('call-number');
    expect(actionForKey({ key: 'v' })).toBe('no-show');
    expect(actionForKey({ key: 'c' })).toBe('transfer');
    expect(actionForKey({ key: 'f' })).toBe('finish');
    expect(actionForKey({ key: 'Enter' })).toBe('finish');
    expect(actionForKey({ key: 'p' })).toBe('pause');
  });

  it('ignores keys typed into a text box or combined with Ctrl, Alt or Meta', () => {
    expect(actionForKey({ key: 'n', typing: true })).toBeUndefined();
    expect(actionForKey({ key: 'r', ctrlKey: true })).toBeUndefined();
    expect(actionForKey({ key: 'f', altKey: true })).toBeUndefined();
    expect(actionForKey({ key: 'c', metaKey: true })).toBeUndefined();
  });

  it('ignores keys that have no action', () => {
    expect(actionForKey({ key: 'x' })).toBeUndefined();
    expect(actionForKey({ key: 'Escape' })).toBeUndefined();
  });
});

describe('outcomeForKey', () => {
  it('maps 1–9 to the outcomes in the order configured, and only as many as there are', () => {
    expect(outcomeForKey({ key: '1' }, 6)).toBe(0);
    expect(outcomeForKey({ key: '6' }, 6)).toBe(5);
    expect(outcomeForKey({ key: '7' }, 6)).toBeUndefined();
    expect(outcomeForKey({ key: '0' }, 6)).toBeUndefined();
  });

  it('leaves digits typed into a box (a dossier code, a number to call) alone', () => {
    expect(outcomeForKey({ key: '1', typing: true }, 6)).toBeUndefined();
    expect(outcomeForKey({ key: '2', ctrlKey: true }, 6)).toBeUndefined();
  });
});
