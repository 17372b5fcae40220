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

export function errorText(error: ErrorBody | undefined): string {
  if (!error) return '';
  return errorMessages[error.code]?.vi ?? error.messageVi ?? 'Lỗi hệ thống.';
}
