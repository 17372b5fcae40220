// Dates and numbers the way Vietnamese readers expect them (24-hour clock, dd/mm/yyyy, "1.234").
const TZ = 'Asia/Ho_Chi_Minh';

export function formatTime(ms: number, timeZone = TZ): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

export function formatWeekdayDate(ms: number, timeZone = TZ): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat('vi-VN').format(n);
}

export function formatMinutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m < 60 ? `${m} phút` : `${Math.floor(m / 60)} giờ ${m % 60} phút`;
}
