// Every sentence `npm run doctor` says, in one place: what is wrong, in words an IT person
// at the centre acts on, and what to do about it.
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export const doctorTexts = {
  title: 'Kiểm tra máy chủ xếp hàng',
  settingsFrom: (file: string | undefined) => (file ? `Cấu hình đọc từ ${file} và biến môi trường.` : 'Cấu hình đọc từ biến môi trường (không có tệp qms.env).'),
  ok: 'ĐẠT',
  warn: 'CẢNH BÁO',
  error: 'LỖI',
  fix: 'Cách xử lý',
  allGood: 'Mọi kiểm tra đều đạt: có thể khởi động dịch vụ.',
  problems: (errors: number, warnings: number) => `Có ${errors} lỗi và ${warnings} cảnh báo cần xử lý.`,

  portFree: (port: number) => `Cổng ${port} còn trống, máy chủ sẽ nghe ở cổng này.`,
  portOurs: (port: number) => `Máy chủ xếp hàng đã đang chạy ở cổng ${port}.`,
  portBusy: (port: number) => `Cổng ${port} đang bị một chương trình khác sử dụng: máy chủ sẽ không khởi động được.`,
  portBusyFix: (port: number) =>
    `Tắt chương trình đang dùng cổng ${port} (Linux: "ss -ltnp 'sport = :${port}'"; Windows: "netstat -ano | findstr :${port}"), hoặc đặt PORT=<cổng khác> trong qms.env.`,
  portDenied: (port: number) => `Không được phép mở cổng ${port} (cổng dưới 1024 cần quyền quản trị).`,
  portDeniedFix: 'Dùng cổng từ 1024 trở lên (mặc định 3000) trong qms.env.',

  dataOk: (dir: string) => `Thư mục dữ liệu ${dir} ghi được.`,
  dataNotWritable: (dir: string, code: string) => `Không ghi được vào thư mục dữ liệu ${dir} (${code}): phiếu và cấu hình sẽ không được lưu.`,
  dataNotWritableFix: (dir: string) =>
    `Cấp quyền ghi thư mục ${dir} cho tài khoản chạy dịch vụ (Linux: "chown -R qms:qms ${dir}"), kiểm tra ổ đĩa không ở chế độ chỉ đọc, hoặc đổi QMS_DATA_DIR trong qms.env.`,

  diskOk: (free: number) => `Ổ đĩa còn trống ${mib(free)}.`,
  diskLow: (free: number, pct: number) => `Ổ đĩa sắp đầy: chỉ còn ${mib(free)} (${pct}%).`,
  diskFull: (free: number, pct: number) => `Ổ đĩa gần hết chỗ: chỉ còn ${mib(free)} (${pct}%): máy sẽ ngừng cấp số khi hết hẳn.`,
  diskFix: 'Xoá bớt tệp không cần (bản sao lưu cũ trong thư mục backups, nhật ký), hoặc chuyển QMS_DATA_DIR sang ổ đĩa lớn hơn.',
  diskUnknown: 'Không đọc được dung lượng ổ đĩa.',

  printerOk: (spec: string) => `Máy in phiếu (${spec}) sẵn sàng.`,
  printerPaperOut: (spec: string) => `Máy in phiếu (${spec}) hết giấy.`,
  printerPaperOutFix: 'Thay cuộn giấy in nhiệt, đóng nắp máy in.',
  printerUnreachable: (spec: string) => `Không kết nối được máy in phiếu (${spec}).`,
  printerUnreachableFix:
    'Kiểm tra máy in đã bật và cắm dây; với máy in mạng, kiểm tra địa chỉ IP và cổng 9100 (ping địa chỉ máy in); với máy in USB/cổng COM, kiểm tra đúng cổng và tài khoản dịch vụ có quyền (nhóm lp/dialout). Địa chỉ máy in đặt ở Quản trị → Máy in phiếu hoặc QMS_PRINTER.',
  printerError: (spec: string) => `Máy in phiếu (${spec}) báo lỗi.`,
  printerErrorFix: 'Tắt máy in, chờ 10 giây rồi bật lại; kiểm tra kẹt giấy.',

  clockOk: (source: string, offsetS: number) => `Đồng hồ máy chủ khớp với ${source} (lệch ${offsetS} giây).`,
  clockOff: (source: string, offsetS: number) =>
    `Đồng hồ máy chủ lệch ${Math.abs(offsetS)} giây so với ${source} (máy chủ ${offsetS > 0 ? 'chậm' : 'nhanh'} hơn): giờ trên phiếu, giờ mở cửa và báo cáo sẽ sai.`,
  clockFix: 'Bật đồng bộ giờ (Linux: "timedatectl set-ntp true" với máy chủ giờ trong mạng LAN; Windows: Cài đặt → Ngày và giờ → Đồng bộ ngay), rồi chạy lại kiểm tra.',
  clockNoSource: 'Chưa biết máy nào trong mạng LAN cho giờ chuẩn để so đồng hồ.',
  clockNoSourceFix: 'Đặt QMS_TIME_SOURCE=<địa chỉ bộ định tuyến hoặc máy chủ giờ> trong qms.env.',
  clockNoAnswer: (source: string) => `${source} không trả lời truy vấn giờ (SNTP, cổng UDP 123): chưa so được đồng hồ.`,
  clockNoAnswerFix: 'Đặt QMS_TIME_SOURCE là máy có dịch vụ giờ (NTP) trong mạng LAN, hoặc bật dịch vụ NTP trên bộ định tuyến.',
};
