// Every word printed on a ticket, in one place, so the wording is reviewed once.
import { localTime } from '@protocol/local-time';
import type { WaitRange } from '@protocol/wait-estimate';

export const TICKET_TITLE = 'PHIẾU SỐ THỨ TỰ';
export const TICKET_FOOTER = 'Vui lòng giữ phiếu và chờ gọi số. Xin cảm ơn!';

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "08:15 – Thứ Bảy, 14/03/2026" in the centre's zone, whatever the server's zone is. */
export function formatIssuedAt(issuedAt: number, timeZone: string): string {
  const t = localTime(issuedAt, timeZone);
  const [year, month, day] = t.day.split('-');
  return `${t.hhmm} – ${WEEKDAYS_VI[t.weekday]}, ${day}/${month}/${year}`;
}

/** "Thời gian chờ dự kiến: khoảng 15–25 phút"; a wait that may be none at all reads "dưới 10 phút". */
export function waitEstimateLine(range: WaitRange): string {
  return range.low === 0 ? `Thời gian chờ dự kiến: dưới ${range.high} phút` : `Thời gian chờ dự kiến: khoảng ${range.low}–${range.high} phút`;
}

export function waitingAheadLine(waitingAhead: number): string {
  return `Số người đang chờ trước bạn: ${waitingAhead}`;
}

/** Heading over the list of counters; with none configured the citizen waits for the call. */
export function countersHeading(counterCount: number): string {
  if (counterCount === 0) return 'Quầy phục vụ sẽ được thông báo khi gọi số';
  return counterCount === 1 ? 'Mời đến quầy:' : 'Mời đến một trong các quầy:';
}

/** "ƯU TIÊN – Người cao tuổi"; a priority ticket without a category says "ƯU TIÊN". */
export function priorityLine(priorityName: string): string {
  return priorityName ? `ƯU TIÊN – ${priorityName}` : 'ƯU TIÊN';
}

/** Text as composed Unicode: a decomposed "ố" (o + two combining marks) would be
 *  positioned by the shaper from marks the subset fonts may place differently. */
export function ticketText(s: string): string {
  return s.normalize('NFC');
}
