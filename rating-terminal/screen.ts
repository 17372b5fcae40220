// Which screen the terminal shows, decided from the counter's view and the clocks alone,
// so the rules (a new prompt wins, an expired or answered one never shows) are testable.
import type { CounterView } from '@protocol/events';

export type RatingPrompt = NonNullable<CounterView['ratingPrompt']>;

/** What the terminal shows for a while after a tap: thanks, or why the rating did not count. */
export interface Aftermath {
  kind: 'thanks' | 'refused';
  message?: string;
  /** Server time, like everything the terminal times. */
  until: number;
}

export type TerminalScreen =
  | { kind: 'idle' }
  | { kind: 'prompt'; prompt: RatingPrompt }
  | { kind: 'after'; after: Aftermath };

export function terminalScreen(input: {
  counter: CounterView | null;
  /** The server's clock as this device estimates it; expiresAt is in server time. */
  now: number;
  after: Aftermath | null;
  /** Tickets this terminal already sent a rating for (a late view may still carry the prompt). */
  answered: ReadonlySet<string>;
}): TerminalScreen {
  const prompt = input.counter?.ratingPrompt;
  if (prompt && prompt.expiresAt > input.now && !input.answered.has(prompt.ticketId)) return { kind: 'prompt', prompt };
  if (input.after && input.now < input.after.until) return { kind: 'after', after: input.after };
  return { kind: 'idle' };
}
