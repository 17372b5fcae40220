// The paired terminal: follows its counter's view and asks the citizen when the staff
// member finishes a ticket. The server keeps one rating per ticket; this keeps the screen honest.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorCode } from '@protocol/errors';
import { useConnection } from '@client/hooks';
import { ConnectionBanner } from '@client/pairing';
import type { RateOutcome } from '@client/rating-form';
import { useServerNow } from '@client/server-clock';
import { errorText } from '@client/texts';
import { AfterScreen } from './after-screen';
import { IdleScreen } from './idle-screen';
import { PromptScreen } from './prompt-screen';
import { terminalScreen, type Aftermath } from './screen';

const AFTER_MS = 5000;

/** Refusals that trying again cannot change: the prompt is over for this ticket. */
const FINAL_REFUSALS: ReadonlySet<ErrorCode> = new Set(['rating-not-open', 'not-your-counter', 'unknown-ticket']);

export function Terminal(props: { token: string; onUnpaired: () => void }) {
  const { conn, data } = useConnection(props.token);
  // expiresAt is the server's time and a tablet's clock may be minutes off. Ticking twice a
  // second closes the prompt on time and runs its bar down.
  const now = useServerNow(data.snapshot, 500);
  const [after, setAfter] = useState<Aftermath | null>(null);
  const answered = useRef(new Set<string>());

  useEffect(() => {
    if (data.status === 'unauthorized') props.onUnpaired();
  }, [data.status]);

  const finish = (ticketId: string, next: Omit<Aftermath, 'until'>): RateOutcome => {
    answered.current.add(ticketId);
    setAfter({ ...next, until: now + AFTER_MS });
    return { retry: false };
  };
  const rate = async (ticketId: string, score: number, reason?: string): Promise<RateOutcome> => {
    const res = await conn.send('ticket:rate', { ticketId, score, ...(reason ? { reason } : {}) });
    // A rating that already counted (a replay, a tap on another device) still deserves thanks.
    if (res.ok || res.error.code === 'already-rated') return finish(ticketId, { kind: 'thanks' });
    if (FINAL_REFUSALS.has(res.error.code)) return finish(ticketId, { kind: 'refused', message: errorText(res.error) });
    return { retry: true, message: errorText(res.error) };
  };

  const screen = terminalScreen({ counter: data.counter, now, after, answered: answered.current });
  const config = data.snapshot?.config;

  return (
    <>
      <ConnectionBanner status={data.status} />
      {screen.kind === 'prompt' && config ? (
        <PromptScreen
          key={screen.prompt.ticketId}
          prompt={screen.prompt}
          rating={config.rating}
          now={now}
          onRate={(score, reason) => rate(screen.prompt.ticketId, score, reason)}
        />
      ) : screen.kind === 'after' ? (
        <AfterScreen after={screen.after} />
      ) : (
        <IdleScreen counter={data.counter} centreName={config?.centre.name} />
      )}
    </>
  );
}
