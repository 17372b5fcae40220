// The managers' numbers and dates, the way Vietnamese reports write them:
// 1.234 lượt, 4,5 phút, 62,3%, 14/03/2026.
import { formatNumber } from '@client/format';

const TZ = 'Asia/Ho_Chi_Minh';

/** "2026-03-14" → "14/03/2026". */
export function viDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

/** Today's date in the centre's time zone, as YYYY-MM-DD. */
export function isoToday(now = Date.now(), timeZone = TZ): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A duration given in seconds as minutes: "4,5 phút", "1 giờ 5 phút"; "—" when unknown. */
export function minutesText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const minutes = seconds / 60;
  if (minutes < 60) return `${oneDecimal.format(minutes)} phút`;
  const whole = Math.round(minutes);
  return `${Math.floor(whole / 60)} giờ ${whole % 60} phút`;
}

export function percentText(percent: number | null | undefined): string {
  return percent === null || percent === undefined ? '—' : `${oneDecimal.format(percent)}%`;
}

export function count(n: number): string {
  return formatNumber(n);
}

/** "14/03/2026 09:41" (or with seconds) in the centre's time zone. */
export function dateTimeText(at: number | string, withSeconds = false, timeZone = TZ): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) return String(at);
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}), hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const time = withSeconds ? `${get('hour')}:${get('minute')}:${get('second')}` : `${get('hour')}:${get('minute')}`;
  return `${get('day')}/${get('month')}/${get('year')} ${time}`;
}

/** A file size: "12,4 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${count(bytes)} B`;
  if (bytes < 1024 ** 2) return `${oneDecimal.format(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${oneDecimal.format(bytes / 1024 ** 2)} MB`;
  return `${oneDecimal.format(bytes / 1024 ** 3)} GB`;
}
