import { describe, expect, it } from 'vitest';
import type { CounterView } from '@protocol/events';
import { terminalScreen, type Aftermath } from './screen';

const prompt = { ticketId: 'tk-000001', label: '1001', serviceName: 'Chứng thực', staffName: 'Nguyễn Thị Lan', expiresAt: 10_000 };
const view = (withPrompt: boolean): CounterView => ({ counterId: 6, name: 'Quầy 6', status: 'open', ...(withPrompt ? { ratingPrompt: prompt } : {}) });
const thanks: Aftermath = { kind: 'thanks', until: 5_000 };

describe('terminalScreen', () => {
  it('asks while the prompt is open and not yet answered', () => {
    expect(terminalScreen({ counter: view(true), now: 9_999, after: null, answered: new Set() })).toEqual({ kind: 'prompt', prompt });
  });

  it('closes the prompt at expiresAt by the server clock, even before the server says so', () => {
    expect(terminalScreen({ counter: view(true), now: 10_000, after: null, answered: new Set() })).toEqual({ kind: 'idle' });
  });

  it('does not ask again for a ticket it already rated while the view still carries it', () => {
    const screen = terminalScreen({ counter: view(true), now: 1_000, after: thanks, answered: new Set([prompt.ticketId]) });
    expect(screen).toEqual({ kind: 'after', after: thanks });
  });

  it('lets the next citizen’s prompt replace the thank-you screen', () => {
    expect(terminalScreen({ counter: view(true), now: 1_000, after: thanks, answered: new Set(['tk-older']) }).kind).toBe('prompt');
  });

  it('returns to idle once the thank-you time is over', () => {
    expect(terminalScreen({ counter: view(false), now: 5_000, after: thanks, answered: new Set() })).toEqual({ kind: 'idle' });
    expect(terminalScreen({ counter: null, now: 0, after: null, answered: new Set() })).toEqual({ kind: 'idle' });
  });
});
