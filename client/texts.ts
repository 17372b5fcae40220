// Words shared by every device app (pairing, connection state). Each app keeps its own
// words in its texts.ts; error codes read from the protocol's table unless an app overrides.
import { errorMessages, type ErrorBody } from '@protocol/errors';

export const sharedTexts = {
  pairTitle: 'Ghép nối thiết bị',
  pairIntro: 'Nhập mã ghép nối gồm 6 chữ số do quản trị viên cấp, hoặc quản trị viên đăng nhập để chọn thiết bị.',
  withCode: 'Có mã ghép nối',
  pairCode: 'Mã ghép nối',
  pairButton: 'Ghép nối',
  orManager: 'Hoặc quản trị viên đăng nhập',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  chooseDevice: 'Chọn thiết bị này là:',
  backToCode: 'Dùng mã ghép nối',
  offline: 'Mất kết nối tới máy chủ. Đang thử kết nối lại…',
  connecting: 'Đang kết nối…',
  unauthorized: 'Thiết bị chưa được ghép nối hoặc đã bị thu hồi.',
  unpair: 'Huỷ ghép nối',
  keyboardSpace: 'Dấu cách',
  keyboardBackspace: 'Xoá lùi',
  keyboardClear: 'Xoá hết',
  keyboardShift: 'Chữ hoa',
  keyboard: 'Bàn phím',
};

/** Changing one's own password: forced after a default or reset password, or by choice. */
export const passwordTexts = {
  forcedHeading: 'Đổi mật khẩu trước khi làm việc',
  forcedIntro: 'Mật khẩu này là mật khẩu mặc định hoặc do quản trị viên đặt lại. Vui lòng đặt mật khẩu riêng của mình.',
  heading: 'Đổi mật khẩu',
  current: 'Mật khẩu hiện tại',
  next: 'Mật khẩu mới (tối thiểu 8 ký tự)',
  repeat: 'Nhập lại mật khẩu mới',
  mismatch: 'Hai lần nhập mật khẩu mới không khớp.',
  tooShort: 'Mật khẩu mới tối thiểu 8 ký tự.',
  save: 'Lưu mật khẩu mới',
  cancel: 'Huỷ',
  saved: 'Đã đổi mật khẩu.',
};

export function errorText(error: ErrorBody | undefined): string {
  if (!error) return '';
  return errorMessages[error.code]?.vi ?? error.messageVi ?? 'Lỗi hệ thống.';
}
