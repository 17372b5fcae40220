import { describe, expect, it } from 'vitest';
import { centreConfigSchema, type CentreConfig } from '@protocol/config';
import { sampleCentre } from '@protocol/sample-centre';
import { vietnameseMessage } from './config-messages';

/** What the server answers for this configuration: zod's issues, as PUT /api/config sends them. */
function issuesOf(mutate: (c: any) => void): { path: string; message: string }[] {
  const config = JSON.parse(JSON.stringify(sampleCentre)) as CentreConfig;
  mutate(config);
  const result = centreConfigSchema.safeParse(config);
  if (result.success) throw new Error('expected the configuration to be refused');
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const ENGLISH = /\b(expected|Invalid|must|duplicate|overlap|needs|unknown|Too)\b/;

describe('vietnameseMessage', () => {
  it.each([
    ['an empty field name', (c: any) => (c.services[0].name = ''), 'services.0.name', 'Không được để trống.'],
    ['a centre name too long', (c: any) => (c.centre.name = 'x'.repeat(121)), 'centre.name', 'Tối đa 120 ký tự.'],
    ['a cap of zero', (c: any) => (c.services[1].dailyCap = 0), 'services.1.dailyCap', 'Phải lớn hơn 0.'],
    ['a fractional number start', (c: any) => (c.services[2].numberStart = 1.5), 'services.2.numberStart', 'Cần nhập số nguyên.'],
    ['a missing number (emptied input)', (c: any) => (c.kiosk.confirmSeconds = null), 'kiosk.confirmSeconds', 'Cần nhập một số.'],
    ['a voice too fast', (c: any) => (c.voice.rate = 2), 'voice.rate', 'Tối đa là 1,5.'],
    ['a counter without fields', (c: any) => (c.counters[0].serviceIds = []), 'counters.0.serviceIds', 'Cần ít nhất 1 mục.'],
    ['an id with spaces', (c: any) => (c.priorityCategories[0].id = 'Người già'), 'priorityCategories.0.id', 'Mã chỉ gồm chữ thường không dấu (a–z), số và dấu “-”, tối đa 40 ký tự.'],
    ['a holiday typed the Vietnamese way', (c: any) => (c.openingHours.holidays = ['02/09/2026']), 'openingHours.holidays.0', 'Ngày phải có dạng năm-tháng-ngày, ví dụ 2026-09-02.'],
    ['a shift that ends before it starts', (c: any) => (c.openingHours.weekly[1] = [['11:30', '07:30']]), 'openingHours.weekly.1.0', 'Giờ kết thúc phải sau giờ bắt đầu.'],
    ['a block ending before it starts', (c: any) => (c.services[0].numberEnd = 1000), 'services.0', 'Số cuối phải lớn hơn hoặc bằng số đầu.'],
    ['two fields with one block', (c: any) => (c.services[1].numberStart = 1500), 'services', 'Dải số của lĩnh vực “chung-thuc” và “ho-tich” trùng nhau (cùng chữ đầu).'],
    ['a counter serving a removed field', (c: any) => c.services.splice(11, 1), 'counters.11.serviceIds', 'Không có lĩnh vực “quan-su”.'],
    ['a single rating level', (c: any) => (c.rating.levels = c.rating.levels.slice(0, 1)), 'rating.levels', 'Cần ít nhất 2 mục.'],
    ['an unknown call mode', (c: any) => (c.callPolicy.mode = 'random'), 'callPolicy.mode', 'Giá trị không nằm trong các lựa chọn cho phép.'],
    ['a time zone on Mars', (c: any) => (c.centre.timeZone = 'Mars/Olympus_Mons'), 'centre.timeZone', 'Múi giờ không có trong danh sách múi giờ; ở Việt Nam dùng Asia/Ho_Chi_Minh.'],
    ['a holiday on 30 February', (c: any) => (c.openingHours.holidays = ['2026-02-30']), 'openingHours.holidays.0', 'Không có ngày này trong lịch.'],
    ['a holiday typed twice', (c: any) => (c.openingHours.holidays = ['2026-05-04', '2026-05-04']), 'openingHours.holidays.1', 'Ngày nghỉ 2026-05-04 bị nhập hai lần.'],
    ['two shifts that overlap', (c: any) => (c.openingHours.weekly[2] = [['07:30', '11:30'], ['11:00', '17:00']]), 'openingHours.weekly.2.1', 'Ca này chồng lên một ca khác trong cùng ngày.'],
    ['hours enforced on no day', (c: any) => ((c.openingHours.enforce = true), (c.openingHours.weekly = [[], [], [], [], [], [], []])), 'openingHours.weekly', 'Đang áp dụng giờ làm việc nhưng không ngày nào có ca: máy lấy số sẽ không cấp số.'],
    ['a prefix with a digit', (c: any) => (c.services[9].prefix = '1'), 'services.9.prefix', 'Chữ đầu không được có chữ số: số in ra sẽ trùng với số của lĩnh vực khác.'],
    ['a field twice at one counter', (c: any) => c.counters[4].serviceIds.push('ho-tich'), 'counters.4.serviceIds', 'Lĩnh vực “ho-tich” được chọn hai lần.'],
    ['a kiosk that plays the calls', (c: any) => c.voice.playOnDeviceIds.push('kiosk-1'), 'voice.playOnDeviceIds.1', '“kiosk-1” không phải là màn hình trung tâm.'],
    ['a removed central display that plays the calls', (c: any) => (c.devices = c.devices.filter((d: any) => d.id !== 'central-display-1')), 'voice.playOnDeviceIds.0', '“central-display-1” không phải là màn hình trung tâm.'],
    ['two priority categories with one id', (c: any) => c.priorityCategories.push({ ...c.priorityCategories[0] }), 'priorityCategories', 'Trùng mã đối tượng ưu tiên “nguoi-cao-tuoi”.'],
    ['phones allowed a priority category the centre does not have', (c: any) => c.phoneNumbers.priorityCategoryIds.push('khong-co'), 'phoneNumbers.priorityCategoryIds.1', 'Không có đối tượng ưu tiên “khong-co”.'],
    ['phones allowed one priority category twice', (c: any) => c.phoneNumbers.priorityCategoryIds.push('nguoi-cao-tuoi'), 'phoneNumbers.priorityCategoryIds', 'Đối tượng ưu tiên “nguoi-cao-tuoi” được chọn hai lần.'],
    ['no reasons for a level that asks one', (c: any) => (c.rating.reasons = []), 'rating.reasons', 'Có mức đánh giá cần lý do nhưng danh sách lý do đang trống.'],
    ['a reason typed twice', (c: any) => c.rating.reasons.push('Khác'), 'rating.reasons', 'Lý do “Khác” bị nhập hai lần.'],
    ['a second location that is not a full path', (c: any) => (c.backup.secondLocation = 'usb'), 'backup.secondLocation', 'Cần đường dẫn đầy đủ bắt đầu bằng “/”, ví dụ /media/usb-sao-luu.'],
    ['appointment intervals that overlap', (c: any) => c.appointments.fields[1].weekly[1].push({ from: '10:00', to: '12:00', capacity: 1 }), 'appointments.fields.1.weekly.1', 'Khoảng giờ này chồng lên một khoảng giờ hẹn khác trong cùng ngày.'],
    ['an appointment interval shorter than a slot', (c: any) => (c.appointments.fields[0].weekly[6] = [{ from: '08:00', to: '08:15', capacity: 1 }]), 'appointments.fields.0.weekly.6', 'Khoảng giờ ngắn hơn một lượt hẹn: hãy kéo dài khoảng giờ hoặc rút ngắn thời lượng mỗi lượt.'],
    ['an appointment interval ending before it starts', (c: any) => (c.appointments.fields[0].weekly[6] = [{ from: '11:00', to: '08:00', capacity: 1 }]), 'appointments.fields.0.weekly.6.0.to', 'Giờ kết thúc phải sau giờ bắt đầu.'],
    ['a field with two appointment books', (c: any) => c.appointments.fields.push({ ...c.appointments.fields[0] }), 'appointments.fields', 'Lĩnh vực “dat-dai” có hai bảng giờ hẹn.'],
    ['appointments for a removed field', (c: any) => (c.appointments.fields[2].serviceId = 'khong-co'), 'appointments.fields.2.serviceId', 'Không có lĩnh vực “khong-co”.'],
  ])('turns the server message for %s into Vietnamese', (_name, mutate, path, expected) => {
    const issue = issuesOf(mutate).find((i) => i.path === path);
    expect(issue, `no issue at ${path}`).toBeDefined();
    expect(vietnameseMessage(issue!.message)).toBe(expected);
  });

  it('names the device that is placed at a counter that does not exist', () => {
    const issues = issuesOf((c) => (c.devices.find((d: { id: string }) => d.id === 'rating-terminal-10').counterId = 99));
    expect(issues.map((i) => vietnameseMessage(i.message))).toEqual(['Thiết bị “rating-terminal-10” cần gắn với một quầy đang có.']);
  });

  it('leaves no English in the messages for a configuration wrong in many places at once', () => {
    const issues = issuesOf((c) => {
      c.centre.name = '';
      c.services[0].prefix = 'ABCD';
      c.services[3].id = 'X';
      c.services.push({ ...c.services[0] });
      c.printer.paperWidthDots = 500;
      c.voice.repeats = 9;
      c.rating.levels[1].score = 3;
      c.rating.reasons.push('');
      c.notice = 'x'.repeat(501);
      c.devices.push({ ...c.devices[0] });
    });
    expect(issues.length).toBeGreaterThanOrEqual(8);
    for (const i of issues) expect(vietnameseMessage(i.message), `${i.path}: ${i.message}`).not.toMatch(ENGLISH);
  });

  it.each([
    ['field ho-tich still has 3 tickets today', 'Lĩnh vực “ho-tich” còn 3 số hôm nay chưa xong: hãy tạm ngừng cấp số, để hết ngày rồi mới xoá.'],
    ['counter 5 is open', 'Quầy 5 đang mở: cán bộ cần đóng quầy trước khi xoá.'],
    ['second location is inside the data folder', 'Thư mục này nằm trong thư mục dữ liệu, trên cùng một ổ đĩa: ổ hỏng thì mất cả hai. Hãy chọn ổ USB hoặc thư mục mạng.'],
  ])('turns the server\'s check against today "%s" into Vietnamese', (message, expected) => {
    expect(vietnameseMessage(message)).toBe(expected);
  });

  it('keeps a message it does not recognise as it came', () => {
    expect(vietnameseMessage('Tên đăng nhập đã tồn tại')).toBe('Tên đăng nhập đã tồn tại');
  });
});
