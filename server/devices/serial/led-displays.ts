// LED counter displays attached to the queue: each shows its counter's current number, and
// goes blank when the counter serves nobody.
import type { Logger } from 'pino';
import type { AppContext } from '../../application/context';
import { openLedBus } from './led-bus';

export function attachLedDisplays(ctx: AppContext, logger: Logger): (() => Promise<void>) | undefined {
  const { ledPort, serialBaud } = ctx.settings;
  if (!ledPort) return undefined;
  const led = openLedBus(ledPort, { baudRate: serialBaud, logger });
  const showCurrent = () => {
    for (const c of ctx.centre.get().counters) {
      const id = ctx.queue.state.counters[c.id]?.currentTicketId;
      led.show(c.id, id ? ctx.queue.state.tickets[id].label : null);
    }
  };
  showCurrent();
  ctx.queue.onCommitted((events) => {
    for (const e of events) {
      if (e.type === 'ticket.called' || e.type === 'ticket.recalled') led.show(e.counterId, ctx.queue.state.tickets[e.ticketId].label);
      if (e.type === 'ticket.finished' || e.type === 'ticket.no-show' || e.type === 'ticket.transferred') {
        if (!ctx.queue.state.counters[e.counterId]?.currentTicketId) led.show(e.counterId, null);
      }
    }
  });
  ctx.queue.onReset(showCurrent);
  return () => led.close();
}
