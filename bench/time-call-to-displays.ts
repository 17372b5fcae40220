// One call's time: from the staff console's call-next until every display has the call.
import type { Socket } from 'socket.io-client';

export function timeCallToDisplays(displays: Socket[], staff: Socket, counterId: number): Promise<number> {
  const started = performance.now();
  let got = 0;
  return new Promise<number>((resolve) => {
    for (const d of displays) {
      const onEvent = (e: { type: string }) => {
        if (e.type !== 'ticket.called') return;
        d.off('queue:event', onEvent);
        if (++got === displays.length) resolve(performance.now() - started);
      };
      d.on('queue:event', onEvent);
    }
    staff.emit('counter:call-next', { counterId }, () => undefined);
  });
}
