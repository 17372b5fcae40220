// Every word the ticket kiosk shows. Citizens read these at arm's length, many of them
// elderly: short sentences, plain words, no abbreviations.

export const kioskTexts = {
  title: 'Máy lấy số thứ tự',
  chooseField: 'Chạm vào lĩnh vực cần giải quyết để lấy số',
  waiting: (n: number) => (n === 0 ? 'Không có ai đang chờ' : `${n} người đang chờ`),
  priorityButton: 'Tôi thuộc diện ưu tiên',
  priorityButtonHint: 'Người cao tuổi, người khuyết tật, phụ nữ có thai…',
  priorityTitle: 'Chọn diện ưu tiên',
  priorityIntro: 'Chạm vào diện ưu tiên của công dân. Cán bộ có thể đề nghị xuất trình giấy tờ.',
  priorityChosen: (category: string) => `Số ưu tiên: ${category}`,
  priorityChooseField: 'Bây giờ chạm vào lĩnh vực cần giải quyết',
  cancelPriority: 'Huỷ ưu tiên',
  lookupButton: 'Tra cứu thủ tục',
  lookupButtonHint: 'Xem giấy tờ cần chuẩn bị',
  back: 'Quay lại',
  backToFields: 'Về màn hình lấy số',
  issuing: 'Đang cấp số, xin chờ trong giây lát…',

  ticketHeading: 'PHIẾU SỐ THỨ TỰ',
  priorityTicket: 'SỐ ƯU TIÊN',
  aheadOfYou: (n: number) => (n === 0 ? 'Bạn là người tiếp theo' : `Có ${n} người chờ trước bạn`),
  goToCounters: (ids: number[]) =>
    ids.length === 1 ? `Mời đến quầy số ${ids[0]}` : `Mời đến quầy số ${ids.slice(0, -1).join(', ')} hoặc ${ids[ids.length - 1]}`,
  takeYourTicket: 'Vui lòng nhận phiếu',
  takeYourTicketElsewhere: 'Vui lòng nhận phiếu tại máy lấy số',
  waitForCall: 'Xin vui lòng chờ gọi số. Xin cảm ơn!',
  printerFailed: 'Máy in đang gặp sự cố – vui lòng chụp ảnh số này hoặc ghi lại',
  scanToFollow: 'Quét mã này bằng điện thoại để theo dõi số thứ tự',
  done: 'Xong',
  returningIn: (s: number) => `Màn hình tự trở về sau ${s} giây`,

  closedTitle: 'Hiện ngoài giờ làm việc',
  closedHoliday: 'Hôm nay là ngày nghỉ lễ.',
  closedReopens: (hhmm: string) => `Trung tâm nhận số trở lại lúc ${hhmm} hôm nay.`,
  closedComeBack: 'Xin vui lòng quay lại trong giờ làm việc.',
  openingHoursTitle: 'Giờ làm việc',
  weekdays: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],

  refusedTitle: 'Chưa lấy được số',
  refusedOutsideHours: 'Hiện ngoài giờ làm việc nên chưa cấp số. Xin vui lòng quay lại trong giờ làm việc.',
  refusedDailyCap: (field: string) => `Lĩnh vực ${field} đã hết số thứ tự trong ngày hôm nay. Xin vui lòng quay lại vào ngày làm việc tiếp theo.`,
  refusedInactive: (field: string) => `Lĩnh vực ${field} tạm ngừng cấp số. Xin vui lòng hỏi cán bộ hướng dẫn.`,
  refusedTooFast: 'Xin vui lòng chờ một chút rồi chạm lại.',
  refusedOffline: 'Máy lấy số đang mất kết nối nên chưa cấp được số. Xin vui lòng thử lại sau ít phút.',
  refusedStorage: 'Hệ thống đang tạm ngừng cấp số vì sự cố lưu dữ liệu. Cán bộ đã được báo; xin vui lòng chờ ít phút rồi thử lại.',
  refusedOther: 'Xin vui lòng thử lại hoặc hỏi cán bộ hướng dẫn.',
  understood: 'Đã hiểu',

  offlineBanner: 'Máy lấy số đang mất kết nối tới máy chủ. Tạm thời chưa lấy được số – xin vui lòng chờ trong giây lát.',
  connecting: 'Đang kết nối tới máy chủ…',
};
