import { formatTime, formatWeekdayDate } from '@client/format';

export function KioskHeader(props: { centreName: string; subtitle?: string; now: number; timeZone: string }) {
  return (
    <header class="kiosk-header">
      <div class="kiosk-centre">
        <div class="kiosk-centre-name">{props.centreName}</div>
        {props.subtitle && <div class="kiosk-centre-sub">{props.subtitle}</div>}
      </div>
      <div class="kiosk-clock">
        <div class="kiosk-time">{formatTime(props.now, props.timeZone)}</div>
        <div class="kiosk-date">{formatWeekdayDate(props.now, props.timeZone)}</div>
      </div>
    </header>
  );
}
