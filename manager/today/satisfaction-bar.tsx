// Today's ratings so far: one stacked bar, then each level with its count and share.
import type { RatingFigures } from '@protocol/reports';
import { count, percentText } from '../format';
import { todayTexts as t } from '../texts';
import { levelColour } from '../level-colours';

export function SatisfactionBar(props: { ratings: RatingFigures }) {
  const { ratings } = props;
  if (ratings.rated === 0) return <p class="muted">{t.noRatings}</p>;
  return (
    <div class="satisfaction">
      <div class="stacked-bar" role="img" aria-label={t.satisfaction}>
        {ratings.levels.map((l, i) =>
          l.count > 0 ? <span key={l.score} style={{ width: `${l.percent ?? 0}%`, background: levelColour(i, ratings.levels.length) }} /> : null,
        )}
      </div>
      <ul class="level-list">
        {ratings.levels.map((l, i) => (
          <li key={l.score} data-level={l.score}>
            <span class="swatch" style={{ background: levelColour(i, ratings.levels.length) }} />
            <span class="level-name">{l.label}</span>
            <span class="level-count">{count(l.count)}</span>
            <span class="level-share">{percentText(l.percent)}</span>
          </li>
        ))}
      </ul>
      <p class="muted">{t.ratedCount(count(ratings.rated))}</p>
    </div>
  );
}
