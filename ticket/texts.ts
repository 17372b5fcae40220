// Every word the citizen's phone page shows.
import type { BookingState } from '@protocol/appointments';
import { addDays, weekdayOf } from '@protocol/calendar-days';
import type { TicketStatus } from '@protocol/queue';
import { viWeekday } from '@protocol/vi-format';

/** "25 phút", "1 giờ 20 phút", "2 ngày": how long until something, rounded up to the minute. */
function duration(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return `${minutes} phút`;
  if (minutes < 24 * 60) return minutes % 60 === 0 ? `${minutes / 60} giờ` : `${Math.floor(minutes / 60)} giờ ${minutes % 60} phút`;
  return `${Math.round(minutes / (24 * 60))} ngày`;
}

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
  /** A priority category a phone may claim: the citizen's word now, their papers at the counter. */
  priorityClaim: (name: string) => `Tôi thuộc đối tượng ưu tiên: ${name}. Tôi sẽ xuất trình giấy tờ chứng minh tại quầy khi được gọi.`,
  priorityNote: 'Số ưu tiên được gọi trước. Cán bộ sẽ kiểm tra giấy tờ tại quầy.',

  // Appointments: booking from the phone, the booking's own page, checking in.
  bookEntry: 'Đặt lịch hẹn',
  bookEntryHint: 'Chọn ngày và giờ đến Trung tâm. Đến giờ hẹn, bạn nhận số ngay trên điện thoại và được gọi trước.',
  myBookings: 'Lịch hẹn của bạn',
  bookTitle: 'Đặt lịch hẹn',
  bookBack: '← Quay lại trang lấy số',
  bookRules: (perDay: number, early: number, late: number) =>
    `Mỗi số điện thoại được đặt ${perDay} lịch hẹn mỗi ngày. Bạn nhận số thứ tự từ ${early} phút trước đến ${late} phút sau giờ hẹn (trên điện thoại này hoặc tại máy lấy số) và được gọi trước; quá giờ đó lịch hẹn tự huỷ.`,
  bookOff: 'Trung tâm hiện không nhận đặt lịch hẹn qua điện thoại.',
  chooseField: '1. Chọn lĩnh vực',
  chooseDay: '2. Chọn ngày',
  chooseSlot: '3. Chọn giờ hẹn',
  yourDetails: '4. Thông tin của bạn',
  dayClosed: 'Nghỉ',
  /** "Hôm nay, 02/12", "Ngày mai, 03/12", "Thứ Sáu, 04/12". */
  dayLabel: (day: string, today: string) => {
    const date = `${day.slice(8, 10)}/${day.slice(5, 7)}`;
    const name = day === today ? 'Hôm nay' : day === addDays(today, 1) ? 'Ngày mai' : viWeekday(weekdayOf(day));
    return `${name}, ${date}`;
  },
  slotFree: (n: number) => `còn ${n} chỗ`,
  slotFull: 'Đã kín',
  noSlots: 'Ngày này không còn giờ hẹn nào. Xin chọn ngày khác.',
  loadingSlots: 'Đang tải giờ hẹn…',
  nameLabel: 'Họ và tên (không bắt buộc)',
  bookButton: 'Xác nhận đặt lịch hẹn',
  booking: 'Đang đặt lịch…',
  booked: 'Bạn đã đặt lịch hẹn thành công. Trang này được lưu trên điện thoại: mở lại trang lấy số để xem lịch hẹn của bạn.',
  bookingHeading: 'LỊCH HẸN',
  bookingCodeLabel: 'Mã lịch hẹn',
  bookingQr: 'Mã QR của lịch hẹn',
  bookingQrHint: 'Khi đến Trung tâm, bạn nhận số ngay trên trang này hoặc nhập mã lịch hẹn tại máy lấy số.',
  bookingState: { booked: 'Đã đặt lịch', 'checked-in': 'Đã nhận số', cancelled: 'Đã huỷ', missed: 'Đã quá giờ hẹn' } satisfies Record<BookingState, string>,
  slotTime: (start: string, end: string) => `${start}–${end}`,
  phoneMasked: (masked: string) => `Số điện thoại: ${masked}`,
  bookedName: (name: string) => `Họ và tên: ${name}`,
  checkInWindow: (from: string, until: string) => `Nhận số thứ tự từ ${from} đến ${until}`,
  untilAppointment: (ms: number) => `Còn ${duration(ms)} đến giờ hẹn`,
  untilCheckIn: (ms: number) => `Còn ${duration(ms)} nữa là đến giờ nhận số`,
  checkInOpen: 'Đã đến giờ nhận số',
  checkInOpenHint: 'Bấm "Nhận số thứ tự" để vào hàng chờ; số của bạn được gọi trước từ giờ hẹn.',
  checkInClosesIn: (ms: number) => `Hết giờ nhận số sau ${duration(ms)}`,
  checkInButton: 'Nhận số thứ tự',
  checkingIn: 'Đang nhận số…',
  checkInNotYet: (from: string) => `Chưa đến giờ nhận số: mở từ ${from}.`,
  /** "08:30", or "08:30 ngày 03/12" when that is not today. */
  opensAt: (time: string, day: string | null) => (day ? `${time} ngày ${day.slice(8, 10)}/${day.slice(5, 7)}` : time),
  checkInOver: 'Đã hết giờ nhận số cho lịch hẹn này.',
  missedNote: 'Lịch hẹn đã quá giờ nhận số và được huỷ. Xin mời lấy số thứ tự thường.',
  cancelledNote: 'Lịch hẹn này đã được huỷ.',
  checkedInNote: 'Bạn đã nhận số thứ tự cho lịch hẹn này.',
  followTicket: 'Xem số thứ tự và lượt của bạn →',
  cancelButton: 'Huỷ lịch hẹn',
  cancelQuestion: 'Bạn chắc chắn muốn huỷ lịch hẹn này? Chỗ của bạn sẽ được nhường cho người khác.',
  cancelYes: 'Đồng ý huỷ',
  cancelNo: 'Không, giữ lịch hẹn',
  cancelling: 'Đang huỷ…',
  bookingOptIn: 'Chạm vào đây để điện thoại rung và báo chuông khi đến giờ nhận số',
  bookingOptInOn: '✓ Điện thoại sẽ rung và báo chuông khi đến giờ nhận số (khi trang này đang mở)',
  missingCode: 'Đường dẫn không có mã lịch hẹn đúng. Vui lòng mở lại lịch hẹn từ trang lấy số.',
  loadingBooking: 'Đang tải lịch hẹn…',
  toTakeNumber: 'Về trang lấy số',

  posterTitle: 'LẤY SỐ THỨ TỰ BẰNG ĐIỆN THOẠI',
  posterSteps: [
    'Kết nối Wi-Fi dành cho công dân của Trung tâm.',
    'Quét mã QR bằng camera điện thoại.',
    'Nhập số điện thoại, chọn lĩnh vực và nhận số.',
    'Theo dõi lượt của bạn trên điện thoại; điện thoại sẽ rung khi sắp đến lượt.',
  ],
};
