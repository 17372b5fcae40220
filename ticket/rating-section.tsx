// After service: the rating form while the ticket may still be rated, else the rating given.
import type { PublicTicketView } from '@protocol/events';
import { RatingForm, type RateOutcome } from '@client/rating-form';
import { RatingIcon } from '@client/rating-icon';
import { texts as t } from './texts';

function GivenRating(props: { view: PublicTicketView }) {
  const { rating, ratingLevels } = props.view;
  const level = ratingLevels.find((l) => l.score === rating?.score);
  return (
    <section class="rating-section given" data-rated={rating?.score}>
      <p class="rated-title">{t.ratedTitle}</p>
      <p class="rated-level">
        {level?.icon && <RatingIcon icon={level.icon} />}
        <span>{level?.label ?? rating?.score}</span>
      </p>
      {rating?.reason && <p class="rated-reason">{rating.reason}</p>}
      <p class="rated-thanks">{t.ratedThanks}</p>
    </section>
  );
}

export function RatingSection(props: { view: PublicTicketView; onRate: (score: number, reason?: string) => Promise<RateOutcome> }) {
  const { view } = props;
  if (view.rating) return <GivenRating view={view} />;
  if (!view.canRate) return null;
  return (
    <section class="rating-section">
      <h2 class="rate-question">{t.rateQuestion(view.staffName)}</h2>
      <RatingForm levels={view.ratingLevels} reasons={view.ratingReasons} texts={t} onRate={props.onRate} />
    </section>
  );
}
