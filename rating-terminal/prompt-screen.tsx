// The question after a ticket is finished, with the configured scale as large buttons and
// a bar that runs down to the moment the prompt closes.
import type { RatingConfig } from '@protocol/config';
import { RatingForm, type RateOutcome } from '@client/rating-form';
import type { RatingPrompt } from './screen';
import { texts as t } from './texts';

export function PromptScreen(props: {
  prompt: RatingPrompt;
  rating: RatingConfig;
  /** Server time. */
  now: number;
  onRate: (score: number, reason?: string) => Promise<RateOutcome>;
}) {
  const { prompt, rating } = props;
  const leftMs = Math.max(0, prompt.expiresAt - props.now);
  const share = Math.min(1, leftMs / (rating.promptSeconds * 1000));
  return (
    <main class="screen prompt" data-screen="prompt" data-ticket={prompt.ticketId}>
      <h1 class="question">
        {t.questionBefore} {prompt.staffName && <strong class="question-staff">{prompt.staffName}</strong>} {t.questionAfter}
      </h1>
      <p class="ticket-line">{t.ticketLine(prompt.label, prompt.serviceName)}</p>
      <RatingForm levels={rating.levels} reasons={rating.reasons} texts={t} onRate={props.onRate} />
      <div class="countdown" aria-label={t.secondsLeft(Math.ceil(leftMs / 1000))}>
        <div class="countdown-bar" style={{ width: `${share * 100}%` }} />
      </div>
    </main>
  );
}
