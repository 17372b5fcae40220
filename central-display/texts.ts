// Every word the central display shows, in one place.

export const texts = {
  invite: 'MỜI CÔNG DÂN CÓ SỐ',
  toCounter: 'ĐẾN QUẦY',
  noCallYet: 'Xin chào quý công dân',
  noCallYetHint: 'Vui lòng lấy số thứ tự và chờ gọi số',
  counter: 'Quầy',
  counterClosed: 'Chưa làm việc',
  counterPaused: 'Tạm dừng',
  counterIdle: 'Đang chờ gọi',
  recentTitle: 'Số vừa gọi',
  recentNone: 'Chưa có số nào được gọi hôm nay',
  recentCounter: (counterId: number) => `Quầy ${counterId}`,
  waitingTitle: 'Số người đang chờ và thời gian chờ dự kiến theo lĩnh vực',
  /** A number taken now waits about this long (shown beside a field's count). */
  waitRange: (r: { low: number; high: number }) => (r.low === 0 ? `dưới ${r.high} phút` : `${r.low}–${r.high} phút`),
  speaking: 'Đang phát loa gọi số',
  speakingShort: 'Đang gọi số',
  audioBlocked: 'Trình duyệt chặn âm thanh: nhấn vào màn hình một lần để bật loa gọi số.',
  loading: 'Đang tải…',
};
