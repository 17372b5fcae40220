// Every word the citizen's phone page shows.
import type { TicketStatus } from '@protocol/queue';

export const texts = {
  heading: 'PHIẾU SỐ THỨ TỰ',
  status: { waiting: 'Đang chờ', serving: 'Đang phục vụ', done: 'Đã hoàn thành', 'no-show': 'Vắng mặt' } satisfies Record<TicketStatus, string>,
  ahead: (n: number) => `Còn ${n} người trước bạn`,
  aheadNone: 'Sắp đến lượt bạn!',
  nearTurn: 'Sắp đến lượt – xin bạn quay lại gần khu vực quầy và chú ý màn hình.',
  /** A range, never a promise: the page says "dự kiến" (expected). */
  estimate: (r: { low: number; high: number }) => (r.low === 0 ? `Thời gian chờ dự kiến: dưới ${r.high} phút` : `Thời gian chờ dự kiến: khoảng ${r.low}–${r.high} phút`),
  countersHeading: 'Các quầy phục vụ lĩnh vực của bạn:',
  counterStatus: { open: 'đang làm việc', paused: 'tạm nghỉ', closed: 'chưa mở' } satisfies Record<'open' | 'paused' | 'closed', string>,
  waitHint: 'Xin vui lòng chú ý màn hình và loa gọi số. Trang này tự cập nhật, không cần tải lại.',
  vibrateOptIn: 'Chạm vào đây để điện thoại rung và báo chuông khi sắp đến lượt',
  vibrateOn: '✓ Điện thoại sẽ rung và báo chuông khi còn 3 người và khi đến lượt bạn',
  callTo: 'Mời đến',
  callHint: 'Xin mời bạn đến ngay quầy để được phục vụ.',
  doneNote: 'Hồ sơ của bạn đã được tiếp nhận xong. Cảm ơn bạn!',
  noShow: 'Số của bạn đã được gọi nhưng bạn vắng mặt. Vui lòng liên hệ quầy hướng dẫn để được hỗ trợ.',
  rateQuestion: (staffName?: string) =>
    `Bạn có hài lòng với việc tiếp nhận, giải quyết thủ tục của cán bộ${staffName ? ` ${staffName}` : ''} không?`,
  reasonQuestion: 'Xin cho biết lý do chưa hài lòng:',
  back: '← Quay lại',
  ratedTitle: 'Bạn đã đánh giá:',
  ratedThanks: 'Cảm ơn bạn đã đánh giá!',
  issuedAt: (time: string) => `Lấy số lúc ${time}`,
  missingId: 'Đường dẫn không có mã phiếu. Vui lòng quét lại mã QR trên phiếu.',
  dayOnly: 'Phiếu chỉ tra cứu được trong ngày lấy số.',
  loading: 'Đang tải thông tin phiếu…',
};
