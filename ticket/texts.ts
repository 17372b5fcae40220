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
  takeTitle: 'Lấy số thứ tự bằng điện thoại',
  phoneLabel: 'Số điện thoại của bạn',
  takeRules: (perDay: number, perField: number, from: string, to: string) =>
    `Mỗi số điện thoại được lấy tối đa ${perDay} số mỗi ngày và ${perField} số cho mỗi lĩnh vực, từ ${from} đến ${to}. Số lấy qua điện thoại được gọi theo thứ tự như số lấy tại máy.`,
  takeClosed: {
    'phone-numbers-off': 'Trung tâm hiện không cấp số qua điện thoại. Xin mời lấy số tại máy lấy số.',
    'outside-phone-hours': 'Hiện ngoài giờ lấy số qua điện thoại.',
    'outside-opening-hours': 'Trung tâm hiện không làm việc.',
  } satisfies Record<'phone-numbers-off' | 'outside-phone-hours' | 'outside-opening-hours', string>,
  takeHours: (from: string, to: string) => `Giờ lấy số qua điện thoại: ${from}–${to} các ngày làm việc.`,
  fieldWaiting: (n: number) => (n === 0 ? 'chưa có người chờ' : `${n} người đang chờ`),
  fieldWait: (r: { low: number; high: number }) => (r.low === 0 ? `chờ dưới ${r.high} phút` : `chờ khoảng ${r.low}–${r.high} phút`),
  taken: 'Bạn đã lấy số thành công. Hãy giữ trang này để theo dõi lượt của mình.',
  takeAnother: 'Lấy số cho lĩnh vực khác',
  posterTitle: 'LẤY SỐ THỨ TỰ BẰNG ĐIỆN THOẠI',
  posterSteps: [
    'Kết nối Wi-Fi dành cho công dân của Trung tâm.',
    'Quét mã QR bằng camera điện thoại.',
    'Nhập số điện thoại, chọn lĩnh vực và nhận số.',
    'Theo dõi lượt của bạn trên điện thoại; điện thoại sẽ rung khi sắp đến lượt.',
  ],
};
