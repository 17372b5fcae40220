// Every word the city managers' app shows, in one place.
export const appTexts = {
  title: 'Số liệu toàn thành phố',
  subtitle: 'Các Trung tâm Phục vụ hành chính công',
  loading: 'Đang tải…',
};

export const loginTexts = {
  heading: 'Số liệu toàn thành phố',
  intro: 'Đăng nhập bằng tài khoản cán bộ Trung tâm Phục vụ hành chính công thành phố.',
};

export const navTexts = { today: 'Hôm nay', reports: 'Báo cáo', centres: 'Các trung tâm', catalogue: 'Danh mục TTHC' };

export const lineTexts = {
  waiting: 'Đang chờ',
  serving: 'Đang phục vụ',
  served: 'Đã phục vụ',
  visits: 'Lượt tiếp',
  averageWait: 'Chờ trung bình',
  satisfaction: 'Hài lòng',
  rated: 'Lượt đánh giá',
};

export const todayTexts = {
  heading: 'Hôm nay trên toàn thành phố',
  updated: (at: string) => `Cập nhật ${at}`,
  byCentre: 'Theo trung tâm',
  byField: 'Theo lĩnh vực (các trung tâm đang kết nối)',
  centre: 'Trung tâm',
  field: 'Lĩnh vực',
  online: 'Đang kết nối',
  offline: 'Mất kết nối',
  lastFigure: (at: string) => `số liệu lúc ${at}`,
  none: 'Chưa có trung tâm nào gửi số liệu.',
};

export const reportTexts = {
  heading: 'Báo cáo tổng hợp',
  from: 'Từ ngày',
  to: 'Đến ngày',
  show: 'Xem báo cáo',
  export: 'Tải Excel (.xlsx)',
  exportFailed: 'Không tải được tệp Excel.',
  period: (from: string, to: string) => `Từ ngày ${from} đến ngày ${to}`,
  daysWithData: (n: string) => `${n} ngày-trung tâm có số liệu`,
  byCentre: 'Theo trung tâm',
  byField: 'Theo lĩnh vực',
  byCentreField: 'Từng trung tâm theo lĩnh vực',
  centre: 'Trung tâm',
  field: 'Lĩnh vực',
  visits: 'Lượt tiếp công dân',
  served: 'Đã phục vụ',
  noShows: 'Vắng mặt',
  waitAverage: 'Chờ TB',
  waitMedian: 'Chờ trung vị',
  waitP90: '90% chờ ≤',
  serviceAverage: 'Phục vụ TB',
  rated: 'Lượt đánh giá',
  satisfied: 'Hài lòng',
  total: 'Toàn thành phố',
};

export const centreTexts = {
  heading: 'Các trung tâm',
  intro: 'Mỗi trung tâm gửi số liệu bằng mã kết nối riêng. Mã chỉ hiện một lần khi tạo; thành phố chỉ lưu bản băm.',
  add: 'Thêm trung tâm',
  id: 'Mã trung tâm (chữ thường không dấu, ví dụ phuong-hong-bang)',
  name: 'Tên trung tâm',
  create: 'Tạo mã kết nối',
  tokenTitle: (name: string) => `Mã kết nối của ${name}`,
  tokenNote: 'Sao chép ngay và nhập vào mục "Kết nối thành phố" trong ứng dụng quản lý của trung tâm (hoặc QMS_CITY_TOKEN). Mã này sẽ không hiện lại.',
  copy: 'Sao chép',
  lastContact: 'Liên lạc gần nhất',
  backlog: 'Ngày chưa gửi',
  lastDay: 'Ngày gần nhất',
  days: 'Số ngày',
  status: 'Trạng thái',
  online: 'Đang kết nối',
  offline: 'Mất kết nối',
  never: 'Chưa kết nối',
  revoked: 'Đã thu hồi mã',
  revoke: 'Thu hồi mã',
  reissue: 'Cấp mã mới',
  confirmRevoke: (name: string) => `Thu hồi mã kết nối của ${name}? Trung tâm sẽ không gửi được số liệu cho tới khi được cấp mã mới.`,
  none: 'Chưa có trung tâm nào.',
};

export const catalogueTexts = {
  heading: 'Danh mục thủ tục hành chính',
  intro: 'Nhập danh mục TTHC một lần (tệp CSV hoặc Excel theo mẫu của trung tâm); các trung tâm tự tải về, nên mọi màn hình tra cứu trong thành phố có cùng một danh mục.',
  current: (count: string, filename: string, at: string, version: number) => `Bản ${version}: ${count} thủ tục, tệp ${filename}, nhập lúc ${at}.`,
  none: 'Thành phố chưa nhập danh mục.',
  choose: 'Nhập danh mục',
  imported: (count: string) => `Đã nhập ${count} thủ tục. Các trung tâm sẽ nhận trong vòng 10 phút.`,
  errors: 'Tệp có lỗi, danh mục chưa thay đổi:',
  line: (n: number) => (n > 0 ? `Dòng ${n}` : 'Tệp'),
};
