import type { ComponentChildren } from 'preact';
import type { ErrorCode } from '@protocol/errors';
import { useCountdown } from './countdown';
import { kioskTexts as t } from './texts';

export function refusalText(code: ErrorCode, serviceName: string): string {
  switch (code) {
    case 'outside-opening-hours':
      return t.refusedOutsideHours;
    case 'daily-cap-reached':
      return t.refusedDailyCap(serviceName);
    case 'service-inactive':
      return t.refusedInactive(serviceName);
    case 'rate-limited':
      return t.refusedTooFast;
    case 'internal':
      return t.refusedOffline;
    case 'storage-unavailable':
      return t.refusedStorage;
    default:
      return t.refusedOther;
  }
}

/** The server said no: a polite sentence, no number, and back to the start on its own. */
export function RefusalMessage(props: { code: ErrorCode; serviceName: string; hoursLines: string[]; seconds: number; onDone: () => void }) {
  return (
    <RefusalPanel code={props.code} title={t.refusedTitle} text={refusalText(props.code, props.serviceName)} seconds={props.seconds} onDone={props.onDone}>
      {props.code === 'outside-opening-hours' && props.hoursLines.length > 0 && <OpeningHoursList lines={props.hoursLines} />}
    </RefusalPanel>
  );
}

/** What every refusal looks like: a touch anywhere, or the countdown, goes back to the start; `retry` offers another way out. */
export function RefusalPanel(props: {
  code: ErrorCode;
  title: string;
  text: string;
  seconds: number;
  onDone: () => void;
  retry?: { label: string; onRetry: () => void };
  children?: ComponentChildren;
}) {
  const left = useCountdown(props.seconds, props.onDone);
  const { retry } = props;
  return (
    <section class="kiosk-panel refusal" data-code={props.code} onClick={props.onDone}>
      <h1>{props.title}</h1>
      <p class="refusal-text" role="alert">
        {props.text}
      </p>
      {props.children}
      <div class="confirmation-footer">
        {retry && (
          <button
            class="kiosk-back"
            data-action="retry"
            onClick={(e) => {
              e.stopPropagation();
              retry.onRetry();
            }}
          >
            {retry.label}
          </button>
        )}
        <button class="kiosk-done">{t.understood}</button>
        <span class="confirmation-countdown">{t.returningIn(left)}</span>
      </div>
    </section>
  );
}

export function OpeningHoursList(props: { lines: string[] }) {
  return (
    <div class="opening-hours">
      <h2>{t.openingHoursTitle}</h2>
      <ul>
        {props.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
