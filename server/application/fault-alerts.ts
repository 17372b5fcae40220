// What managers read when the disk, the journal or the clock goes wrong: one alert per
// fault, in plain Vietnamese, raised and cleared as the fault comes and goes.
import { localTime } from '@protocol/local-time';
import type { Alerts } from './alerts';
import type { ClockStep } from './forward-clock';
import type { DamagedLine } from '../store/journal-reader';
import type { StorageHealth } from '../store/storage-probe';

const STORAGE_ALERT = 'storage:journal';
const CLOCK_ALERT = 'clock';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export function reportStorage(alerts: Alerts, health: StorageHealth): void {
  if (health.ok) return alerts.clear(STORAGE_ALERT);
  const free = health.freeBytes === null ? '' : ` (còn trống ${size(health.freeBytes)})`;
  const message =
    health.code === 'ENOSPC' || health.code === 'EDQUOT'
      ? `Ổ đĩa đầy${free}: tạm ngừng cấp số và ghi nhận thao tác. Hãy giải phóng dung lượng; hệ thống tự hoạt động lại khi có chỗ trống.`
      : `Lỗi ghi ổ đĩa (${health.code})${free}: tạm ngừng cấp số và ghi nhận thao tác. Hệ thống thử ghi lại mỗi giây; nếu lỗi kéo dài, hãy kiểm tra ổ đĩa.`;
  alerts.raise(STORAGE_ALERT, 'storage', message);
}

function when(at: number, timeZone: string): string {
  const t = localTime(at, timeZone);
  const [y, m, d] = t.day.split('-');
  return `${t.hhmm} ${d}/${m}/${y}`;
}

export function reportClockStep(alerts: Alerts, step: ClockStep | null, timeZone: string): void {
  if (!step) return alerts.clear(CLOCK_ALERT);
  alerts.raise(
    CLOCK_ALERT,
    'clock',
    `Đồng hồ máy chủ bị lùi: máy đang chỉ ${when(step.wall, timeZone)}, hàng đợi tiếp tục theo ${when(step.queue, timeZone)} ` +
      'để không mở lại ngày đã qua hay cấp trùng số. Hãy chỉnh lại giờ máy chủ (NTP, pin CMOS).',
  );
}

export function reportDamage(alerts: Alerts, file: string, quarantine: { damage: DamagedLine; copy: string | null }[]): void {
  const lines = quarantine.map((q) => q.damage.line).join(', ');
  const copies = quarantine.map((q) => q.copy).filter((c): c is string => c !== null);
  alerts.raise(
    `storage:${file}`,
    'storage',
    `Nhật ký ${file} có ${quarantine.length} dòng bị hỏng (dòng ${lines}); các sự kiện khác vẫn được giữ. ` +
      (copies.length ? `Bản sao dòng hỏng: ${copies.join(', ')}.` : 'Chưa sao lưu được dòng hỏng (ổ đĩa đầy); sẽ thử lại khi khởi động.'),
  );
}
