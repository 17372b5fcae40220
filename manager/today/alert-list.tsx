// What needs a manager now: a long wait, the printer, a device gone offline, storage.
import type { Alert, PrinterState } from '@protocol/events';
import { formatTime } from '@client/format';
import { printerStateText, todayTexts as t } from '../texts';

export function AlertList(props: { alerts: Alert[]; printer: PrinterState }) {
  return (
    <section class="alerts" aria-label={t.alerts}>
      <div class={`printer-chip ${props.printer}`} data-printer={props.printer}>
        {t.printer}: {printerStateText[props.printer]}
      </div>
      {props.alerts.length === 0 ? (
        <div class="alert-none">{t.noAlerts}</div>
      ) : (
        <ul class="alert-list">
          {props.alerts.map((a) => (
            <li key={a.id} class={`alert ${a.kind}`} data-alert={a.kind}>
              <span class="alert-message">{a.message}</span>
              <span class="alert-since">{t.alertSince(formatTime(a.since))}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
