// A rating prompt closes by itself after the configured seconds: the ticket is then
// recorded as not rated. The timer lives here, outside the pure core, which only decides.
import type { QueueService } from './queue-service';
import type { CentreConfig } from '@protocol/config';
import type { Logger } from 'pino';

export function startRatingTimers(queue: QueueService, getConfig: () => CentreConfig, clock: () => number, logger: Logger): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  const schedule = (ticketId: string, finishedAt: number) => {
    const delay = Math.max(0, finishedAt + getConfig().rating.promptSeconds * 1000 - clock());
    clearTimeout(timers.get(ticketId));
    timers.set(
      ticketId,
      setTimeout(() => {
        timers.delete(ticketId);
        queue.run({ type: 'expire-rating', ticketId }).catch((err) => logger.warn({ err, ticketId }, 'rating expiry failed'));
      }, delay),
    );
  };
  const scheduleOpen = () => {
    for (const t of Object.values(queue.state.tickets)) if (t.ratingPrompt === 'open' && !t.rating) schedule(t.id, t.finishedAt ?? clock());
  };
  scheduleOpen();
  queue.onCommitted((events) => {
    for (const e of events) {
      if (e.type === 'ticket.finished') schedule(e.ticketId, e.at);
      if (e.type === 'ticket.rated') {
        clearTimeout(timers.get(e.ticketId));
        timers.delete(e.ticketId);
      }
    }
  });
  queue.onReset(scheduleOpen);
  return () => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
}
