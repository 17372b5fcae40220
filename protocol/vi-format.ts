// Numbers as Vietnamese documents write them: dot thousands, comma decimals ("2.150", "93,5%").
const whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function viCount(n: number): string {
  return whole.format(n);
}

/** percent is 0–100; null (nobody to count) reads as 0%. */
export function viPercent(percent: number | null): string {
  return `${oneDecimal.format(percent ?? 0)}%`;
}

export function viMinutes(seconds: number | null): string {
  return seconds === null ? 'chưa có số liệu' : `${oneDecimal.format(seconds / 60)} phút`;
}

const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

export function viWeekday(weekday: number): string {
  return WEEKDAY_NAMES[weekday];
}

/** 15/3/2026 — a period as the centres' reports write it: "(từ ngày 15/3/2026 đến ngày 14/6/2026)". */
export function viDateShort(day: string): string {
  return `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}/${day.slice(0, 4)}`;
}

/** "ngày 05 tháng 02 năm 2026": the date line of an official document (Nghị định 30/2020/NĐ-CP
 *  pads days under 10 and the months 1 and 2 with a zero). */
export function viDateInWords(day: string): string {
  const date = Number(day.slice(8, 10));
  const month = Number(day.slice(5, 7));
  const dd = date < 10 ? `0${date}` : String(date);
  const mm = month < 3 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${day.slice(0, 4)}`;
}
