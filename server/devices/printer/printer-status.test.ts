import { describe, expect, it } from 'vitest';
import { isOffline, isStatusByte, offlineCauseState, STATUS_ANSWERS } from './printer-status';

describe('real-time status bytes', () => {
  it('are told from other bytes by their fixed bits', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x1a)).toBe(true);
    expect(isStatusByte(0x00)).toBe(false);
    expect(isStatusByte(0x13)).toBe(false);
    expect(isStatusByte(0x92)).toBe(false);
  });

  it('say paper-out when the printer stopped at paper end, error when the cover is open', () => {
    expect(isOffline(STATUS_ANSWERS.ok[1])).toBe(false);
    expect(isOffline(STATUS_ANSWERS['paper-out'][1])).toBe(true);
    expect(offlineCauseState(STATUS_ANSWERS['paper-out'][2])).toBe('paper-out');
    expect(offlineCauseState(STATUS_ANSWERS.error[2])).toBe('error');
    expect(offlineCauseState(0x12 | 0x40)).toBe('error');
    // Off-line only while the feed button is held: nothing to alert about.
    expect(offlineCauseState(0x12 | 0x08)).toBe('ok');
  });
});
