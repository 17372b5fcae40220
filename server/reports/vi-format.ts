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
