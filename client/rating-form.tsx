// The satisfaction scale as large buttons, then (for a level that asks) the reasons, shared
// by the counter's rating terminal and the citizen's phone page. One rating per ticket: the
// first tap locks the form before anything re-renders, so a double tap sends once.
import { useRef, useState } from 'preact/hooks';
import type { RatingConfig } from '@protocol/config';
import { RatingIcon } from './rating-icon';

type Level = RatingConfig['levels'][number];

/** What became of a tap: the form stays locked, or unlocks to let the citizen try again. */
export type RateOutcome = { retry: false } | { retry: true; message: string };

export interface RatingFormTexts {
  reasonQuestion: string;
  back: string;
}

/** Best first as configured: the first level reads as good, a level that asks a reason as bad. */
function tone(level: Level, index: number): 'good' | 'neutral' | 'bad' {
  if (level.asksReason) return 'bad';
  return index === 0 ? 'good' : 'neutral';
}

export function RatingForm(props: {
  levels: Level[];
  reasons: string[];
  texts: RatingFormTexts;
  onRate: (score: number, reason?: string) => Promise<RateOutcome>;
}) {
  const [askingReason, setAskingReason] = useState<Level | null>(null);
  const [locked, setLocked] = useState(false);
  const [error, setError] = useState('');
  // State updates land after the next render; a ref stops a second tap in the same frame.
  const sending = useRef(false);

  const rate = async (score: number, reason?: string) => {
    if (sending.current) return;
    sending.current = true;
    setLocked(true);
    setError('');
    const outcome = await props.onRate(score, reason);
    if (outcome.retry) {
      sending.current = false;
      setLocked(false);
      setError(outcome.message);
    }
  };
  const choose = (level: Level) => {
    if (level.asksReason && props.reasons.length > 0) setAskingReason(level);
    else void rate(level.score);
  };

  return (
    <div class="rating-form">
      {askingReason ? (
        <div class="rating-reasons" data-score={askingReason.score}>
          <p class="rating-reason-question">{props.texts.reasonQuestion}</p>
          <div class="rating-reason-list">
            {props.reasons.map((reason) => (
              <button key={reason} type="button" class="rating-reason" disabled={locked} onClick={() => void rate(askingReason.score, reason)}>
                {reason}
              </button>
            ))}
          </div>
          <button type="button" class="rating-back" disabled={locked} onClick={() => setAskingReason(null)}>
            {props.texts.back}
          </button>
        </div>
      ) : (
        <div class="rating-levels">
          {props.levels.map((level, i) => (
            <button
              key={level.score}
              type="button"
              class="rating-level"
              data-score={level.score}
              data-tone={tone(level, i)}
              disabled={locked}
              onClick={() => choose(level)}
            >
              {level.icon && <RatingIcon icon={level.icon} />}
              <span class="rating-label">{level.label}</span>
            </button>
          ))}
        </div>
      )}
      {error && (
        <p class="rating-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
