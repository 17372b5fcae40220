// The embedded default: a ward centre laid out like the ones described in DOMAIN.md,
// so a fresh install runs end to end before anyone has configured anything. It is also the
// centre the server's and the apps' tests share, so it lives with the contract. Its
// accounts are the server's: server/centre/sample-staff.ts.
import { DEFAULT_OUTCOMES, type CentreConfig } from '@protocol/config';
import { STATUTORY_HOLIDAYS } from '@protocol/holidays';

const workday: [string, string][] = [
  ['07:30', '11:30'],
  ['13:30', '17:00'],
];

const appointmentDay = [
  { from: '08:00', to: '11:00', capacity: 2 },
  { from: '14:00', to: '16:30', capacity: 2 },
];
const appointmentWeek = [[], appointmentDay, appointmentDay, appointmentDay, appointmentDay, appointmentDay, []];

const counterFields: [number, string, string[]][] = [
  [1, 'Văn phòng đăng ký đất đai', ['vpdk-dat-dai']],
  [2, 'Công an', ['cong-an']],
  [3, 'Bảo hiểm xã hội', ['bhxh']],
  [4, 'Đất đai – Xây dựng', ['dat-dai', 'xay-dung']],
  [5, 'Hộ tịch – Tư pháp', ['ho-tich', 'tu-phap']],
  [6, 'Chứng thực', ['chung-thuc']],
  [7, 'Chứng thực – Hộ tịch', ['chung-thuc', 'ho-tich']],
  [8, 'Đất đai – Xây dựng', ['dat-dai', 'xay-dung']],
  [9, 'Đăng ký kinh doanh', ['kinh-doanh']],
  [10, 'Lao động – Thương binh – Xã hội', ['bao-tro-xa-hoi']],
  [11, 'Thuế', ['thue']],
  [12, 'Tư pháp – Quân sự', ['tu-phap', 'quan-su']],
];

export const sampleCentre: CentreConfig = {
  centre: {
    name: 'Trung tâm Phục vụ hành chính công phường Mẫu',
    subtitle: 'Số 1 đường Trung tâm, phường Mẫu',
    timeZone: 'Asia/Ho_Chi_Minh',
  },
  services: [
    { id: 'chung-thuc', name: 'Chứng thực', prefix: '', numberStart: 1001, numberEnd: 1999, dailyCap: null, active: true, targetWaitMinutes: null },
    { id: 'ho-tich', name: 'Hộ tịch', prefix: '', numberStart: 2001, numberEnd: 2999, dailyCap: null, active: true, targetWaitMinutes: null },
    { id: 'dat-dai', name: 'Đất đai', prefix: '', numberStart: 3001, numberEnd: 3999, dailyCap: null, active: true, targetWaitMinutes: 20 },
    { id: 'xay-dung', name: 'Xây dựng', prefix: '', numberStart: 4001, numberEnd: 4999, dailyCap: null, active: true, targetWaitMinutes: null },
    { id: 'kinh-doanh', name: 'Đăng ký kinh doanh', prefix: '', numberStart: 5001, numberEnd: 5999, dailyCap: null, active: true, targetWaitMinutes: null },
    { id: 'bao-tro-xa-hoi', name: 'Lao động – Thương binh – Xã hội', prefix: '', numberStart: 6001, numberEnd: 6999, dailyCap: null, active: true, targetWaitMinutes: null },
    { id: 'tu-phap', name: 'Tư pháp', prefix: '', numberStart: 7001, numberEnd: 7999, dailyCap: null, active: true, targetWaitMinutes: null },
    { id: 'cong-an', name: 'Công an (cư trú)', prefix: '', numberStart: 8001, numberEnd: 8999, dailyCap: null, active: true, targetWaitMinutes: null },
    { id: 'bhxh', name: 'Bảo hiểm xã hội', prefix: '', numberStart: 9001, numberEnd: 9999, dailyCap: null, active: true, targetWaitMinutes: null },
    { id: 'thue', name: 'Thuế', prefix: 'T', numberStart: 1, numberEnd: 999, dailyCap: 200, active: true, targetWaitMinutes: null },
    { id: 'vpdk-dat-dai', name: 'Văn phòng đăng ký đất đai', prefix: 'D', numberStart: 1, numberEnd: 999, dailyCap: null, active: true, targetWaitMinutes: null },
    { id: 'quan-su', name: 'Quân sự', prefix: 'Q', numberStart: 1, numberEnd: 999, dailyCap: 50, active: true, targetWaitMinutes: null },
  ],
  counters: counterFields.map(([id, name, serviceIds]) => ({ id, name: `Quầy ${id} – ${name}`, serviceIds, active: true })),
  priorityCategories: [
    { id: 'nguoi-cao-tuoi', name: 'Người cao tuổi' },
    { id: 'nguoi-khuyet-tat', name: 'Người khuyết tật' },
    { id: 'phu-nu-co-thai', name: 'Phụ nữ có thai' },
    { id: 'nguoi-co-cong', name: 'Người có công với cách mạng' },
    { id: 'di-cung-tre-nho', name: 'Người đi cùng trẻ nhỏ' },
  ],
  openingHours: {
    // Off in the sample so a demo works at any hour; a centre turns it on in the managers' app.
    enforce: false,
    weekly: [[], workday, workday, workday, workday, workday, [['07:30', '11:30']]],
    // Tết Bính Ngọ 2026 runs from Saturday 14/02 to Sunday 22/02: the two Saturdays beside
    // the five statutory days are this year's own additions.
    holidays: ['2026-02-14', '2026-02-21'],
    repeatingHolidays: STATUTORY_HOLIDAYS,
  },
  callPolicy: { mode: 'priority-first', interleaveNormalPerPriority: 3, fieldOrder: 'oldest-first', maxWaitMinutes: 60, appointmentsInRow: 3 },
  rating: {
    levels: [
      { score: 3, label: 'Rất hài lòng', icon: '😄', asksReason: false },
      { score: 2, label: 'Hài lòng', icon: '🙂', asksReason: false },
      { score: 1, label: 'Không hài lòng', icon: '🙁', asksReason: true },
    ],
    reasons: ['Thái độ phục vụ', 'Thời gian chờ lâu', 'Hướng dẫn chưa rõ', 'Khác'],
    promptSeconds: 30,
  },
  voice: {
    template: 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}',
    repeats: 2,
    rate: 0.9,
    chime: true,
    announce: 'clips',
    playOnDeviceIds: ['central-display-1'],
  },
  devices: [
    { id: 'kiosk-1', role: 'kiosk', name: 'Máy lấy số sảnh chính' },
    { id: 'lookup-1', role: 'kiosk', name: 'Màn hình tra cứu thủ tục' },
    ...Array.from({ length: 10 }, (_, i) => ({ id: `counter-display-${i + 1}`, role: 'counter-display' as const, name: `Màn hình quầy ${i + 1}`, counterId: i + 1 })),
    { id: 'central-display-1', role: 'central-display', name: 'Màn hình trung tâm 1 (có loa)' },
    { id: 'central-display-2', role: 'central-display', name: 'Màn hình trung tâm 2' },
    ...Array.from({ length: 10 }, (_, i) => ({ id: `rating-terminal-${i + 1}`, role: 'rating-terminal' as const, name: `Thiết bị đánh giá quầy ${i + 1}`, counterId: i + 1 })),
  ],
  printer: { paperWidthDots: 576, connection: '' },
  kiosk: { ticketsPerMinute: 30, confirmSeconds: 8 },
  alerts: { waitMinutes: 15 },
  backup: { keepDays: 14, secondLocation: '' },
  outcomes: DEFAULT_OUTCOMES,
  officialReport: {
    parentBody: 'UBND PHƯỜNG MẪU',
    documentCode: 'TTPVHCC',
    place: 'Phường Mẫu',
    signerTitle: 'GIÁM ĐỐC',
    signerName: 'Nguyễn Văn An',
    recipients: ['UBND phường (để báo cáo);', 'Trung tâm Phục vụ hành chính công thành phố;', 'Lưu: VT.'],
  },
  phoneNumbers: { enabled: true, from: '08:00', to: '16:00', perPhonePerDay: 2, perPhonePerField: 1, priorityCategoryIds: ['nguoi-cao-tuoi'] },
  appointments: {
    enabled: true,
    daysAhead: 6,
    checkInEarlyMinutes: 30,
    checkInLateMinutes: 15,
    perPhonePerDay: 1,
    // The three busiest fields take appointments on working days: two citizens every half hour.
    fields: ['dat-dai', 'ho-tich', 'chung-thuc'].map((serviceId) => ({ serviceId, slotMinutes: 30, weekly: appointmentWeek })),
  },
  notice: 'Trung tâm làm việc từ thứ Hai đến sáng thứ Bảy. Công dân vui lòng giữ phiếu và chờ gọi số.',
};
