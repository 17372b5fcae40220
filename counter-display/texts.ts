// Every word the counter display and the staff console show, in one place.

export const texts = {
  // Start screen
  startTitle: 'Màn hình quầy',
  startIntro: 'Chọn cách sử dụng máy này:',
  modeDevice: 'Màn hình quầy (thiết bị)',
  modeDeviceHint: 'Màn hình nhỏ đặt trên quầy, hiển thị số đang phục vụ cho công dân.',
  modeConsole: 'Cán bộ đăng nhập',
  modeConsoleHint: 'Bảng điều khiển gọi số trên máy tính của cán bộ tại quầy.',

  // Counter display (public face)
  counter: 'QUẦY',
  servingNumber: 'ĐANG PHỤC VỤ SỐ',
  waitForCall: 'Mời công dân chờ gọi số',
  paused: 'TẠM DỪNG',
  pausedHint: 'Xin công dân vui lòng chờ trong giây lát',
  closed: 'CHƯA LÀM VIỆC',
  closedHint: 'Xin mời công dân đến quầy khác cùng lĩnh vực',
  staffLabel: 'Cán bộ',
  loading: 'Đang tải…',

  // Staff console: sign-in
  consoleTitle: 'Bảng điều khiển gọi số',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  signingIn: 'Đang đăng nhập…',
  sessionEnded: 'Phiên đăng nhập đã kết thúc, xin đăng nhập lại.',

  // Choosing the counter
  chooseCounter: 'Chọn quầy làm việc',
  hello: (name: string) => `Xin chào, ${name}`,
  counterFree: 'Đang trống',
  counterBusy: (name: string) => `Đang có cán bộ: ${name}`,
  counterYours: 'Quầy của bạn',
  signOut: 'Đăng xuất',
  changePassword: 'Đổi mật khẩu',
  changeCounter: 'Đổi quầy',

  // The desk
  current: 'Đang phục vụ',
  noCurrent: 'Chưa gọi số nào',
  calledAt: (time: string) => `Gọi lúc ${time}`,
  callCount: (n: number) => `Đã gọi ${n} lần`,
  /** "Chuyển từ Quầy 5 – Hộ tịch", with the field it left when that is not the counter's name. */
  transferredFrom: (counterName: string, fromField: string, toField: string) =>
    fromField === toField || counterName.includes(fromField) ? `Chuyển từ ${counterName}` : `Chuyển từ ${counterName} (lĩnh vực ${fromField})`,
  transferredFromShort: (counterId: number) => `Từ quầy ${counterId}`,
  servingFor: (d: string) => `Đã phục vụ ${d}`,
  statusOpen: 'Đang làm việc',
  statusPaused: (reason: string) => `Tạm dừng: ${reason}`,
  statusClosed: 'Quầy đã đóng',

  callNext: 'Gọi số tiếp theo',
  recall: 'Gọi lại',
  callNumber: 'Gọi số chỉ định',
  noShow: 'Vắng mặt',
  transfer: 'Chuyển',
  finish: 'Hoàn thành',
  pause: 'Tạm dừng',
  resume: 'Tiếp tục',

  called: (label: string) => `Đã gọi số ${label}`,
  recalled: (label: string) => `Đã gọi lại số ${label}`,
  finished: (label: string) => `Đã hoàn thành số ${label}`,
  finishedAs: (label: string, outcome: string) => `Đã hoàn thành số ${label}: ${outcome}`,
  markedNoShow: (label: string) => `Số ${label} vắng mặt`,
  requeued: (label: string) => `Số ${label} đã đưa lại vào hàng chờ`,
  transferred: (label: string) => `Đã chuyển số ${label}`,
  pausedToast: 'Quầy đã tạm dừng',
  resumedToast: 'Quầy tiếp tục làm việc',

  // Finishing with an outcome
  outcomeHeading: 'Kết quả phục vụ',
  outcomeHint: '(bấm phím số để hoàn thành; F: chưa phân loại)',
  dossierCodes: 'Mã hồ sơ (nếu có, cách nhau bằng dấu phẩy)',
  dossierCodesPlaceholder: 'Ví dụ: 000.00.12.H23-260315-0001',

  // Dialogs
  cancel: 'Huỷ',
  confirm: 'Xác nhận',
  callNumberTitle: 'Gọi số chỉ định',
  callNumberLabel: 'Số thứ tự',
  callNumberPlaceholder: 'Ví dụ: 1005',
  call: 'Gọi',
  noShowTitle: (label: string) => `Số ${label} vắng mặt`,
  requeue: 'Đưa lại vào hàng chờ',
  requeueHint: 'Công dân quay lại sẽ được xếp cuối hàng chờ.',
  transferTitle: (label: string) => `Chuyển số ${label}`,
  transferField: 'Sang lĩnh vực',
  transferCounter: 'Sang quầy (không bắt buộc)',
  anyCounter: 'Quầy bất kỳ phục vụ lĩnh vực này',
  counterNotWorking: (name: string, status: 'paused' | 'closed') => `${name} (${status === 'paused' ? 'đang tạm dừng' : 'chưa làm việc'})`,
  citizenWillWait: (name: string, status: 'paused' | 'closed') =>
    `${name} ${status === 'paused' ? 'đang tạm dừng' : 'chưa làm việc'}: công dân sẽ phải chờ đến khi quầy này ${status === 'paused' ? 'tiếp tục' : 'mở'} mới được gọi.`,
  noCounterServes: 'Chưa có quầy nào phục vụ lĩnh vực này: công dân sẽ chờ đến khi lĩnh vực được giao cho một quầy.',
  pauseTitle: 'Tạm dừng quầy',
  pauseReasons: ['Đi họp', 'Nghỉ giải lao', 'Hỗ trợ nghiệp vụ'],
  pauseOther: 'Lý do khác',

  // Waiting line and today's figures
  waitingLine: 'Hàng chờ của quầy',
  waitingCount: (n: number) => `${n} người đang chờ`,
  nobodyWaiting: 'Không có công dân nào đang chờ.',
  priority: 'Ưu tiên',
  transferredHere: 'Chuyển đến quầy này',
  waitedFor: (d: string) => `chờ ${d}`,
  callThis: 'Gọi số này',
  moreWaiting: (n: number) => `… và ${n} số khác`,
  today: 'Hôm nay của quầy',
  served: 'Phục vụ xong',
  noShows: 'Vắng mặt',
  transfersMade: 'Chuyển đi',
  averageService: 'Thời gian phục vụ trung bình',
  none: '—',
  shortcutsHelp: 'Phím tắt ghi ở bên phải mỗi nút: làm việc không cần chuột.',
};
