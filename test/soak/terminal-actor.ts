// The rating terminal at a counter: when its counter's view asks for a rating, the citizen
// taps a level after a moment (a low one with a reason), or walks away and the prompt
// expires. One rating at a time, like the real screen.
import type { Connection } from '../../client/connection';
import type { Random } from '../../server/simulator/seeded-random';
import type { Ledger } from './ledger';
import { sleep, trackedSend } from './tracked-send';

/** Scores of the sample centre's three levels, best first, and how often citizens pick them. */
const SCORES: [score: number, weight: number][] = [
  [3, 60],
  [2, 30],
  [1, 10],
];
export const LOW_RATING_REASONS = ['Thái độ phục vụ', 'Thời gian chờ lâu', 'Hướng dẫn chưa rõ', 'Khác'];

/** A citizen's rating: score, and a reason when the level asks for one. */
export function citizenRating(rng: Random): { score: number; reason?: string } {
  const score = SCORES[rng.weighted(SCORES.map(([, w]) => w))][0];
  return score === 1 ? { score, reason: LOW_RATING_REASONS[rng.int(0, LOW_RATING_REASONS.length - 1)] } : { score };
}

export class TerminalActor {
  readonly actor: string;
  private readonly seen = new Set<string>();
  private readonly prompts: string[] = [];

  constructor(
    private readonly conn: Connection,
    counterId: number,
    private readonly ledger: Ledger,
    private readonly rng: Random,
  ) {
    this.actor = `rating-terminal-${counterId}`;
    conn.subscribe((data) => {
      const prompt = data.counter?.ratingPrompt;
      if (prompt && !this.seen.has(prompt.ticketId)) {
        this.seen.add(prompt.ticketId);
        this.prompts.push(prompt.ticketId);
      }
    });
  }

  async run(running: () => boolean): Promise<void> {
    while (running()) {
      const ticketId = this.prompts.shift();
      if (!ticketId) {
        await sleep(50);
        continue;
      }
      if (!this.rng.chance(0.7)) continue; // the citizen leaves without rating
      await sleep(this.rng.int(200, 1500));
      if (!running()) break;
      const rating = citizenRating(this.rng);
      const sentAt = Date.now();
      const res = await trackedSend(this.conn, 'ticket:rate', { ticketId, ...rating });
      if (res) this.ledger.add(this.actor, { type: 'rate', ticketId, ...rating, via: 'terminal' }, res.outcome, sentAt);
    }
  }
}
