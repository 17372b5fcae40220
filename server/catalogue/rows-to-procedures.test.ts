import { describe, expect, it } from 'vitest';
import { sampleCentre } from '@protocol/sample-centre';
import { findHeader } from './columns';
import { maxReportedErrors, parseLevel, resolveServiceId, rowsToProcedures, splitPapers } from './rows-to-procedures';
import type { SheetRow } from './sheet';

const services = sampleCentre.services;
const table = (...rows: string[][]): SheetRow[] => rows.map((cells, i) => ({ line: i + 1, cells }));
const header = ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp độ'];

function importRows(rows: SheetRow[]) {
  const found = findHeader(rows);
  if (!found.ok) return found;
  return rowsToProcedures(rows.filter((r) => r.line > found.headerLine), found.columns, services);
}

describe('resolveServiceId', () => {
  it('accepts the field name in any case and with or without diacritics, or its id', () => {
    for (const cell of ['Hộ tịch', 'HỘ TỊCH', 'ho tich', ' Ho Tich ', 'ho-tich']) expect(resolveServiceId(cell, services), cell).toBe('ho-tich');
    expect(resolveServiceId('Công an (cư trú)', services)).toBe('cong-an');
    expect(resolveServiceId('bảo trợ xã hội', services)).toBe('bao-tro-xa-hoi');
  });

  it('refuses a name the centre does not have, and an empty cell', () => {
    expect(resolveServiceId('Hộ khẩu', services)).toBeUndefined();
    expect(resolveServiceId('  ', services)).toBeUndefined();
  });
});

describe('parseLevel', () => {
  it('reads the portal wordings and the older numbered levels', () => {
    expect(parseLevel('toàn trình')).toBe('Toàn trình');
    expect(parseLevel('DVC trực tuyến toàn trình')).toBe('Toàn trình');
    expect(parseLevel('Mức độ 4')).toBe('Toàn trình');
    expect(parseLevel('MOT PHAN')).toBe('Một phần');
    expect(parseLevel('3')).toBe('Một phần');
    expect(parseLevel('Mức độ 2')).toBe('Cung cấp thông tin');
    expect(parseLevel('cung cấp thông tin')).toBe('Cung cấp thông tin');
  });

  it('leaves anything else as written, for the schema to refuse', () => {
    expect(parseLevel('Mức độ cao')).toBe('Mức độ cao');
    expect(parseLevel('44')).toBe('44');
  });
});

describe('splitPapers', () => {
  it('splits on ";" and on line breaks, drops bullets and empty items', () => {
    expect(splitPapers('Tờ khai; Giấy chứng sinh;')).toEqual(['Tờ khai', 'Giấy chứng sinh']);
    expect(splitPapers('- Tờ khai\r\n+ Bản sao\n\n• Ảnh 4x6\r1) Đơn\n2. 02 bộ bản vẽ')).toEqual(['Tờ khai', 'Bản sao', 'Ảnh 4x6', 'Đơn', '02 bộ bản vẽ']);
    expect(splitPapers('')).toEqual([]);
  });
});

describe('rowsToProcedures', () => {
  it('finds the header under title rows and fills missing optional columns with empty values', () => {
    const result = importRows(table(['DANH MỤC THỦ TỤC'], [], header, ['1.001193', '  Đăng ký   khai sinh ', 'Hộ tịch', 'Toàn trình']));
    expect(result).toEqual({
      ok: true,
      procedures: [{ code: '1.001193', name: 'Đăng ký khai sinh', serviceId: 'ho-tich', level: 'Toàn trình', processingTime: '', fees: '', papers: [] }],
    });
  });

  it('gives back the trailing zeros Excel drops from a national code', () => {
    const result = importRows(table(header, ['1.00119', 'Đăng ký khai sinh', 'Hộ tịch', 'Toàn trình']));
    expect(result.ok && result.procedures[0].code).toBe('1.001190');
  });

  it('names each missing required column at the header line', () => {
    const result = importRows(table(['x'], ['Mã', 'Tên thủ tục', 'Ghi chú'], ['1.001193', 'Đăng ký khai sinh', '']));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, message: 'Thiếu cột "Lĩnh vực"' },
        { line: 2, message: 'Thiếu cột "Cấp độ"' },
      ],
    });
  });

  it('refuses two columns that mean the same thing', () => {
    const result = importRows(table([...header, 'Phí', 'Lệ phí'], ['1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 'Toàn trình', '', '']));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([{ line: 1, column: 'Lệ phí', message: 'Cột "Lệ phí" trùng nội dung với cột "Phí" (Phí, lệ phí)' }]);
  });

  it('reports a file without a recognisable header at line 1', () => {
    const result = importRows(table(['Họ tên', 'Địa chỉ'], ['Nguyễn Văn A', 'Hà Nội']));
    expect(!result.ok && result.errors[0].line).toBe(1);
  });

  it('refuses a file with a header and no procedures', () => {
    expect(importRows(table(header, ['', '', '', '']))).toEqual({ ok: false, errors: [{ line: 0, message: 'Tệp không có thủ tục nào dưới dòng tiêu đề' }] });
  });

  it(`lists at most ${maxReportedErrors} errors and says how many more there are`, () => {
    const bad = Array.from({ length: maxReportedErrors + 30 }, (_, i) => [`1.${String(i).padStart(6, '0')}`, '', 'Hộ tịch', 'Toàn trình']);
    const result = importRows(table(header, ...bad));
    expect(!result.ok && result.errors.length).toBe(maxReportedErrors + 1);
    expect(!result.ok && result.errors.at(-1)).toEqual({ line: 0, message: 'Còn 30 lỗi khác chưa hiển thị' });
  });
});
