// Every word the rating terminal shows the citizen.
export const texts = {
  welcome: 'Xin kính chào Ông/Bà',
  staffOnDuty: 'Cán bộ tiếp nhận',
  noStaff: 'Chưa có cán bộ làm việc tại quầy',
  counterClosed: 'Quầy tạm thời chưa làm việc',
  counterPaused: 'Quầy tạm dừng',
  servingNumber: 'Đang phục vụ số',
  idleHint: 'Sau khi được phục vụ, xin Ông/Bà vui lòng đánh giá tại đây.',
  questionBefore: 'Ông/Bà có hài lòng với việc tiếp nhận, giải quyết thủ tục của cán bộ',
  questionAfter: 'không?',
  ticketLine: (label: string, serviceName: string) => `Số thứ tự ${label} – ${serviceName}`,
  secondsLeft: (s: number) => `Còn ${s} giây`,
  reasonQuestion: 'Xin Ông/Bà cho biết lý do chưa hài lòng:',
  back: '← Quay lại',
  thanks: 'Cảm ơn Ông/Bà đã đánh giá!',
  thanksNote: 'Ý kiến của Ông/Bà giúp chúng tôi phục vụ ngày càng tốt hơn.',
  refused: 'Không ghi nhận được đánh giá',
};
