import { describe, expect, it } from 'vitest';
import { refusal } from './desk-rules';

const current = { ticketId: 't1', label: '1005', serviceId: 'chung-thuc', serviceName: 'Chứng thực', calledAt: 1, callCount: 1 };

describe('refusal', () => {
  it('allows calling when the counter is open and refuses it while paused', () => {
    expect(refusal('call-next', { status: 'open' })).toBeUndefined();
    expect(refusal('call-number', { status: 'open' })).toBeUndefined();
    expect(refusal('call-next', { status: 'paused' })).toBe('counter-paused');
  });

  it('needs a ticket at the desk for recall, no-show, transfer and finish', () => {
    for (const action of ['recall', 'no-show', 'transfer', 'finish'] as const) {
      expect(refusal(action, { status: 'open' })).toBe('no-current-ticket');
      expect(refusal(action, { status: 'open', current })).toBeUndefined();
    }
  });

  it('lets a paused counter finish its citizen but not call them again', () => {
    expect(refusal('finish', { status: 'paused', current })).toBeUndefined();
    expect(refusal('recall', { status: 'paused', current })).toBe('counter-paused');
  });

  it('refuses everything at a closed counter', () => {
    expect(refusal('pause', { status: 'closed' })).toBe('counter-closed');
    expect(refusal('call-next', { status: 'closed' })).toBe('counter-closed');
  });
});
