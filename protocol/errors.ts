// Stable, machine-readable failure codes. Every failed ack and HTTP error carries one;
// apps turn it into their own words, HTTP callers also get the two sentences below.

export const errorMessages = {
  'invalid-payload': { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is invalid.', http: 400 },
  unauthorized: { vi: 'Cần đăng nhập hoặc ghép nối thiết bị.', en: 'Sign-in or device pairing is required.', http: 401 },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.', http: 403 },
  'not-your-counter': { vi: 'Bạn chỉ được thao tác tại quầy mình đã đăng nhập.', en: 'You may act only at the counter you signed in at.', http: 403 },
  'counter-taken': { vi: 'Quầy này đang có cán bộ khác đăng nhập.', en: 'Another staff member is signed in at this counter.', http: 409 },
  'unknown-service': { vi: 'Không có lĩnh vực này.', en: 'No such field.', http: 404 },
  'service-inactive': { vi: 'Lĩnh vực này tạm ngừng cấp số.', en: 'This field is not issuing tickets.', http: 409 },
  'unknown-counter': { vi: 'Không có quầy này.', en: 'No such counter.', http: 404 },
  'unknown-ticket': { vi: 'Không tìm thấy phiếu này.', en: 'No such ticket.', http: 404 },
  'unknown-device': { vi: 'Không có thiết bị này.', en: 'No such device.', http: 404 },
  'queue-empty': { vi: 'Không còn công dân nào đang chờ.', en: 'Nobody is waiting.', http: 409 },
  'counter-closed': { vi: 'Quầy chưa mở (chưa có cán bộ đăng nhập).', en: 'The counter is not open.', http: 409 },
  'counter-paused': { vi: 'Quầy đang tạm dừng.', en: 'The counter is paused.', http: 409 },
  'no-current-ticket': { vi: 'Quầy chưa gọi số nào.', en: 'The counter is not serving a ticket.', http: 409 },
  'ticket-not-callable': { vi: 'Số này không ở trạng thái chờ gọi.', en: 'This ticket is not waiting.', http: 409 },
  'unknown-outcome': { vi: 'Không có kết quả phục vụ này trong danh sách của Trung tâm.', en: 'No such visit outcome in the centre’s list.', http: 400 },
  'counter-not-serving-field': { vi: 'Quầy được chọn không phục vụ lĩnh vực này.', en: 'The chosen counter does not serve this field.', http: 409 },
  'not-your-field': { vi: 'Số này thuộc lĩnh vực quầy không phục vụ.', en: 'This ticket belongs to a field the counter does not serve.', http: 409 },
  'outside-opening-hours': { vi: 'Ngoài giờ làm việc, xin vui lòng quay lại sau.', en: 'Outside opening hours.', http: 409 },
  'daily-cap-reached': { vi: 'Lĩnh vực này đã hết số trong ngày.', en: 'The daily ticket limit for this field is reached.', http: 409 },
  'phone-numbers-off': { vi: 'Trung tâm hiện không cấp số qua điện thoại; xin mời lấy số tại máy lấy số.', en: 'The centre is not giving numbers to phones now; please use the kiosk.', http: 409 },
  'outside-phone-hours': { vi: 'Ngoài giờ lấy số qua điện thoại.', en: 'Outside the hours phones may take numbers.', http: 409 },
  'phone-day-limit': { vi: 'Số điện thoại này đã lấy đủ số thứ tự cho hôm nay.', en: 'This phone number has taken as many numbers as allowed today.', http: 409 },
  'phone-field-limit': { vi: 'Số điện thoại này đã lấy số cho lĩnh vực này hôm nay.', en: 'This phone number already has a number for this field today.', http: 409 },
  'phone-priority-not-allowed': {
    vi: 'Không thể chọn đối tượng ưu tiên này khi lấy số qua điện thoại; xin mời lấy số ưu tiên tại máy lấy số hoặc nhờ quầy hướng dẫn.',
    en: 'This priority category may not be claimed from a phone; please take a priority number at the kiosk or ask the hall guide.',
    http: 409,
  },
  'invalid-phone': { vi: 'Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0).', en: 'Invalid phone number (10 digits starting with 0).', http: 400 },
  'appointments-off': { vi: 'Trung tâm hiện không nhận đặt lịch hẹn.', en: 'The centre is not taking appointments now.', http: 409 },
  'no-such-slot': { vi: 'Không có khung giờ hẹn này.', en: 'No such appointment slot.', http: 404 },
  'slot-full': { vi: 'Khung giờ này đã kín lịch, xin chọn khung giờ khác.', en: 'This slot is fully booked; please choose another.', http: 409 },
  'booking-limit': { vi: 'Số điện thoại này đã có lịch hẹn trong ngày đó.', en: 'This phone number already has an appointment that day.', http: 409 },
  'unknown-booking': { vi: 'Không tìm thấy lịch hẹn với mã này.', en: 'No appointment with this code.', http: 404 },
  'booking-cancelled': { vi: 'Lịch hẹn này đã được huỷ.', en: 'This appointment was cancelled.', http: 409 },
  'check-in-too-early': { vi: 'Chưa đến giờ xác nhận lịch hẹn, xin quay lại gần giờ hẹn.', en: 'Too early to check in; please come back closer to the time.', http: 409 },
  'appointment-missed': { vi: 'Lịch hẹn đã quá giờ và được huỷ; xin mời lấy số thứ tự thường.', en: 'The appointment time has passed and it was released; please take a normal number.', http: 409 },
  'booking-not-today': { vi: 'Lịch hẹn này không phải hôm nay.', en: 'This appointment is not for today.', http: 409 },
  'already-checked-in': { vi: 'Lịch hẹn này đã được xác nhận.', en: 'This appointment is already checked in.', http: 409 },
  'already-rated': { vi: 'Phiếu này đã được đánh giá.', en: 'This ticket has already been rated.', http: 409 },
  'rating-not-open': { vi: 'Phiếu này chưa thể đánh giá.', en: 'This ticket cannot be rated now.', http: 409 },
  'invalid-score': { vi: 'Mức đánh giá không hợp lệ.', en: 'Invalid rating level.', http: 400 },
  'reason-required': { vi: 'Vui lòng chọn lý do chưa hài lòng.', en: 'A reason is required for this level.', http: 400 },
  'unknown-reason': { vi: 'Lý do này không có trong danh sách của trung tâm.', en: 'This reason is not one of the centre\'s listed reasons.', http: 400 },
  'rate-limited': { vi: 'Thao tác quá nhanh, xin thử lại sau ít phút.', en: 'Too many requests; try again shortly.', http: 429 },
  'invalid-config': { vi: 'Cấu hình không hợp lệ.', en: 'The configuration is invalid.', http: 400 },
  'login-failed': { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.', http: 401 },
  'password-change-required': { vi: 'Vui lòng đổi mật khẩu trước khi tiếp tục.', en: 'Change your password before you go on.', http: 403 },
  'password-not-new': { vi: 'Mật khẩu mới phải khác mật khẩu cũ và mật khẩu mặc định.', en: 'The new password must differ from the old and the default one.', http: 400 },
  'account-locked': { vi: 'Tài khoản tạm khoá do đăng nhập sai nhiều lần.', en: 'Account temporarily locked after failed sign-ins.', http: 429 },
  'invalid-pairing-code': { vi: 'Mã ghép nối không đúng hoặc đã hết hạn.', en: 'The pairing code is wrong or expired.', http: 400 },
  'not-found': { vi: 'Không tìm thấy.', en: 'Not found.', http: 404 },
  'unknown-centre': { vi: 'Thành phố chưa đăng ký trung tâm này.', en: 'No such centre is registered with the city.', http: 404 },
  'centre-exists': { vi: 'Mã trung tâm này đã được đăng ký.', en: 'A centre with this id is already registered.', http: 409 },
  'invalid-audio': { vi: 'Bản ghi âm không dùng được.', en: 'The recording cannot be used.', http: 400 },
  'payload-too-large': { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.', http: 413 },
  'storage-unavailable': {
    vi: 'Hệ thống tạm ngừng ghi dữ liệu (ổ đĩa đầy hoặc hỏng); xin thử lại sau ít phút.',
    en: 'The server cannot save data right now (disk full or failing); please retry in a few minutes.',
    http: 503,
  },
  internal: { vi: 'Lỗi hệ thống, xin thử lại.', en: 'Internal error; please retry.', http: 500 },
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** Body of every HTTP error and the `error` of every failed ack. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  messageVi: string;
  /** Which field of the payload was wrong, for invalid-payload / invalid-config. */
  details?: { path: string; message: string }[];
}

export function errorBody(code: ErrorCode, details?: ErrorBody['details']): ErrorBody {
  const m = errorMessages[code];
  return details?.length ? { code, message: m.en, messageVi: m.vi, details } : { code, message: m.en, messageVi: m.vi };
}

/** A refusal the server expects (bad input, wrong role); unlike a bug it carries a code. */
export class QueueError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorBody['details'],
  ) {
    super(code);
    this.name = 'QueueError';
  }
}
