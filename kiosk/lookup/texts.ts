// Every word the procedure look-up shows, on its own page and inside the ticket kiosk.

export const lookupTexts = {
  pageTitle: 'Tra cứu thủ tục hành chính',
  searchLabel: 'Tìm thủ tục',
  searchPlaceholder: 'Ví dụ: khai sinh',
  searchHint: 'Gõ không dấu cũng được.',
  clearSearch: 'Xoá',
  browseTitle: 'Hoặc chọn lĩnh vực để xem các thủ tục',
  allFields: 'Tất cả lĩnh vực',
  procedureCount: (n: number) => `${n} thủ tục`,
  noResults: 'Không tìm thấy thủ tục phù hợp. Xin thử từ khác, hoặc hỏi cán bộ hướng dẫn.',
  loadFailed: 'Chưa tải được danh mục thủ tục. Xin vui lòng thử lại sau.',
  searching: 'Đang tìm…',

  code: 'Mã thủ tục',
  field: 'Lĩnh vực',
  level: 'Mức độ dịch vụ công trực tuyến',
  processingTime: 'Thời hạn giải quyết',
  fees: 'Phí, lệ phí',
  papers: 'Giấy tờ cần chuẩn bị',
  notStated: 'Chưa có thông tin',
  noPapers: 'Xin hỏi cán bộ tại quầy về giấy tờ cần chuẩn bị.',
  portalQr: 'Quét mã để xem thủ tục này trên Cổng Dịch vụ công',
  takeTicket: 'Lấy số thứ tự cho thủ tục này',
  fieldNotIssuing: 'Lĩnh vực này hiện không cấp số tại máy. Xin hỏi cán bộ hướng dẫn.',
  back: 'Quay lại',

};
