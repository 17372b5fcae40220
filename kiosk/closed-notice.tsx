import type { OpeningStatus } from './opening-hours';
import { OpeningHoursList } from './refusal-message';
import { kioskTexts as t } from './texts';

/** Shown instead of the field buttons while the centre does not issue numbers. */
export function ClosedNotice(props: { status: Extract<OpeningStatus, { open: false }>; hoursLines: string[] }) {
  const { status } = props;
  return (
    <section class="closed-notice" role="status">
      <h1>{t.closedTitle}</h1>
      {status.holiday && <p>{t.closedHoliday}</p>}
      <p>{status.reopensToday ? t.closedReopens(status.reopensToday) : t.closedComeBack}</p>
      {props.hoursLines.length > 0 && <OpeningHoursList lines={props.hoursLines} />}
    </section>
  );
}
