// Every word printed on a ticket, in one place, so the wording is reviewed once.
export const TICKET_TITLE = 'PHIẾU SỐ THỨ TỰ';
export const TICKET_FOOTER = 'Vui lòng giữ phiếu và chờ gọi số. Xin cảm ơn!';

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** "08:15 – Thứ Bảy, 14/03/2026" in the centre's zone, whatever the server's zone is. */
export function formatIssuedAt(issuedAt: number, timeZone: string): string {
  const parts: Record<string, string> = {};
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  });
  for (const p of fmt.formatToParts(new Date(issuedAt))) parts[p.type] = p.value;
  const weekday = WEEKDAYS_VI[WEEKDAY_INDEX[parts.weekday]];
  return `${parts.hour}:${parts.minute} – ${weekday}, ${parts.day}/${parts.month}/${parts.year}`;
}

export function waitingAheadLine(waitingAhead: number): string {
  return `Số người đang chờ trước bạn: ${waitingAhead}`;
}

/** Heading over the list of counters; with none configured the citizen waits for the call. */
export function countersHeading(counterCount: number): string {
  if (counterCount === 0) return 'Quầy phục vụ sẽ được thông báo khi gọi số';
  return counterCount === 1 ? 'Mời đến quầy:' : 'Mời đến một trong các quầy:';
}

export function priorityLine(priorityName: string): string {
  return `ƯU TIÊN – ${priorityName}`;
}

/** Text as composed Unicode: a decomposed "ố" (o + two combining marks) would be
 *  positioned by the shaper from marks the subset fonts may place differently. */
export function ticketText(s: string): string {
  return s.normalize('NFC');
}
