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

  it('keeps a message it does not recognise as it came', () => {
    expect(vietnameseMessage('Tên đăng nhập đã tồn tại')).toBe('Tên đăng nhập đã tồn tại');
  });
});
