import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { procedureSchema, type ImportError } from '@protocol/catalogue';
import type { ServiceConfig } from '@protocol/config';
import { sampleCentre } from '@protocol/sample-centre';
import { CorruptDataFileError } from '../store/durable-json-file';
import { createCatalogue } from './create-catalogue';
import { sampleProcedures } from './sample-catalogue';

const fixtures = fileURLToPath(new URL('../../test/catalogue/', import.meta.url));
const fixture = (name: string) => readFile(join(fixtures, name));
const goodCsvCodes = ['1.001193', '1.000894', '2.000815', '1.009994', '1.004194'];

let dataDir: string;
let services: ServiceConfig[];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'catalogue-'));
  services = structuredClone(sampleCentre.services);
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const open = (extra: Partial<Parameters<typeof createCatalogue>[0]> = {}) =>
  createCatalogue({ dataDir, getServices: () => services, now: () => new Date('2026-03-16T02:30:00Z'), ...extra });
const catalogueFile = () => join(dataDir, 'catalogue.json');

/** Text as Windows saves it in code page 1258: letters it has whole, tones as separate marks. */
function toWindows1258(text: string): Buffer {
  const fits = (s: string) => iconv.decode(iconv.encode(s, 'windows-1258'), 'windows-1258') === s;
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const chars = [...text].map((ch) => {
    if (fits(ch)) return ch;
    const decomposed = ch.normalize('NFD');
    const base = decomposed.replace(tones, '').normalize('NFC');
    return base + (decomposed.match(tones) ?? []).join('');
  });
  return iconv.encode(chars.join(''), 'windows-1258');
}

async function xlsx(rows: ExcelJS.CellValue[][], extraSheet?: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Danh mục').addRows(rows);
  if (extraSheet) workbook.addWorksheet('Ghi chú').addRows(extraSheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const lines = (errors: ImportError[]) => errors.map((e) => [e.line, e.column]);

describe('createCatalogue', () => {
  it('serves the sample catalogue, marked as sample, while no catalogue.json exists, and writes nothing', async () => {
    const catalogue = await open();
    expect(catalogue.info()).toEqual({ source: 'sample', count: sampleProcedures.length });
    expect(catalogue.list().length).toBeGreaterThanOrEqual(40);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('ships a sample whose procedures are valid, unique, and each belong to a field of the sample centre', () => {
    const ids = new Set(sampleCentre.services.map((s) => s.id));
    for (const p of sampleProcedures) {
      expect(procedureSchema.safeParse(p).success, p.code).toBe(true);
      expect(ids.has(p.serviceId), p.code).toBe(true);
      expect(p.papers.length, p.code).toBeGreaterThan(0);
    }
    expect(new Set(sampleProcedures.map((p) => p.code)).size).toBe(sampleProcedures.length);
    const fieldsCovered = new Set(sampleProcedures.map((p) => p.serviceId));
    for (const id of ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'kinh-doanh', 'bao-tro-xa-hoi', 'tu-phap', 'cong-an', 'bhxh', 'thue']) expect(fieldsCovered).toContain(id);
  });

  it('get() finds a procedure by its code', async () => {
    const catalogue = await open();
    expect(catalogue.get('1.001193')?.name).toBe('Đăng ký khai sinh');
    expect(catalogue.get(' 1.001193 ')?.name).toBe('Đăng ký khai sinh');
    expect(catalogue.get('9.999999')).toBeUndefined();
  });

  it('importFile() replaces the catalogue with a good CSV and keeps it across a restart', async () => {
    const catalogue = await open();
    expect(await catalogue.importFile(await fixture('thu-tuc-hop-le.csv'), 'C:\\Users\\canbo\\thu-tuc-hop-le.csv')).toEqual({ ok: true, count: 5 });
    expect(catalogue.list().map((p) => p.code)).toEqual(goodCsvCodes);
    expect(catalogue.get('1.000894')).toEqual({
      code: '1.000894',
      name: 'Đăng ký kết hôn',
      serviceId: 'ho-tich',
      level: 'Một phần',
      processingTime: 'Ngay trong ngày tiếp nhận; cần xác minh thì không quá 05 ngày làm việc',
      fees: 'Miễn lệ phí',
      papers: ['Tờ khai đăng ký kết hôn (theo mẫu)', 'Giấy tờ tùy thân của hai bên nam, nữ (xuất trình)'],
    });
    expect(catalogue.get('2.000815')).toMatchObject({ serviceId: 'chung-thuc', level: 'Một phần', papers: ['Bản chính giấy tờ, văn bản', 'Bản sao cần chứng thực'] });
    expect(catalogue.get('1.009994')?.papers).toHaveLength(3);
    expect(catalogue.get('1.004194')).toMatchObject({ serviceId: 'cong-an', level: 'Toàn trình' });
    const info = { source: 'import', count: 5, filename: 'thu-tuc-hop-le.csv', importedAt: '2026-03-16T02:30:00.000Z' };
    expect(catalogue.info()).toEqual(info);

    const reopened = await open();
    expect(reopened.list()).toEqual(catalogue.list());
    expect(reopened.info()).toEqual(info);
  });

  it('importFile() accepts the English column keys with field ids', async () => {
    const catalogue = await open();
    expect(await catalogue.importFile(await fixture('thu-tuc-cot-tieng-anh.csv'), 'en.csv')).toEqual({ ok: true, count: 2 });
    expect(catalogue.get('1.004222')).toMatchObject({ serviceId: 'cong-an', papers: ['Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', 'Giấy tờ chứng minh chỗ ở hợp pháp'] });
    expect(catalogue.get('2.000575')?.portalUrl).toBeUndefined();
  });

  it('search() finds the imported procedures and no longer the sample ones', async () => {
    const catalogue = await open();
    expect(catalogue.search('chung thuc di chuc')).toHaveLength(1);
    await catalogue.importFile(await fixture('thu-tuc-hop-le.csv'), 'a.csv');
    expect(catalogue.search('chung thuc di chuc')).toEqual([]);
    expect(catalogue.search('thuong tru')[0].code).toBe('1.004194');
    expect(catalogue.search('', { serviceId: 'ho-tich' }).map((p) => p.code)).toEqual(['1.001193', '1.000894']);
  });

  it('search() follows a renamed field without a new import', async () => {
    const catalogue = await open();
    expect(catalogue.search('con nuoi')).toEqual([]);
    services = services.map((s) => (s.id === 'ho-tich' ? { ...s, name: 'Hộ tịch – Con nuôi' } : s));
    expect(catalogue.search('con nuoi').length).toBe(sampleProcedures.filter((p) => p.serviceId === 'ho-tich').length);
  });

  describe('a file with broken lines', () => {
    const expectedErrors = [
      { line: 4, column: 'Tên thủ tục', message: 'Thiếu tên thủ tục' },
      { line: 5, column: 'Lĩnh vực', message: expect.stringContaining('Không có lĩnh vực "Hộ khẩu"') },
      { line: 6, column: 'Cấp độ', message: expect.stringContaining('Cấp độ phải là') },
      { line: 7, column: 'Mã thủ tục', message: 'Mã thủ tục 1.001193 trùng với dòng 3' },
      { line: 8, column: 'Mã thủ tục', message: expect.stringContaining('không có khoảng trắng') },
      { line: 8, column: 'Đường dẫn', message: expect.stringContaining('http') },
    ];

    it('is refused with an error on each broken line, counted as Excel numbers rows', async () => {
      const catalogue = await open();
      const result = await catalogue.importFile(await fixture('thu-tuc-loi.csv'), 'loi.csv');
      expect(result).toEqual({ ok: false, errors: expectedErrors });
    });

    it('leaves the imported catalogue intact, in memory and on disk', async () => {
      const catalogue = await open();
      await catalogue.importFile(await fixture('thu-tuc-hop-le.csv'), 'tot.csv');
      const before = await readFile(catalogueFile(), 'utf8');
      const result = await catalogue.importFile(await fixture('thu-tuc-loi.csv'), 'loi.csv');
      expect(result.ok).toBe(false);
      expect(catalogue.list().map((p) => p.code)).toEqual(goodCsvCodes);
      expect(catalogue.info()).toMatchObject({ filename: 'tot.csv' });
      expect(await readFile(catalogueFile(), 'utf8')).toBe(before);
      expect((await open()).list().map((p) => p.code)).toEqual(goodCsvCodes);
    });

    it('leaves the sample in place and writes nothing when there was no import yet', async () => {
      const catalogue = await open();
      await catalogue.importFile(await fixture('thu-tuc-loi.csv'), 'loi.csv');
      expect(catalogue.info().source).toBe('sample');
      expect(await readdir(dataDir)).toEqual([]);
    });
  });

  describe('encodings and delimiters', () => {
    const variants: [string, (text: string) => Buffer][] = [
      ['UTF-8 with BOM', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
      ['UTF-16 LE with BOM, tab-separated (Excel "Unicode text")', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabSeparated(t), 'utf16le')])],
      ['Windows-1258', toWindows1258],
      ['UTF-8 separated by ";" (Excel in Vietnamese)', (t) => Buffer.from(semicolonSeparated(t), 'utf8')],
      ['UTF-8 decomposed (NFD)', (t) => Buffer.from(t.normalize('NFD'), 'utf8')],
    ];

    it.each(variants)('%s imports the same procedures as plain UTF-8', async (_, encode) => {
      const text = (await fixture('thu-tuc-hop-le.csv')).toString('utf8');
      const reference = await open();
      await reference.importFile(Buffer.from(text, 'utf8'), 'a.csv');
      const expected = reference.list();
      await rm(catalogueFile());

      const catalogue = await open();
      expect(await catalogue.importFile(encode(text), 'b.csv')).toEqual({ ok: true, count: 5 });
      expect(catalogue.list()).toEqual(expected);
      expect(catalogue.search('dang ky ket hon')[0].code).toBe('1.000894');
    });

    it('the Windows-1258 bytes really are not UTF-8 and hold tones as separate marks', async () => {
      const text = (await fixture('thu-tuc-hop-le.csv')).toString('utf8');
      const bytes = toWindows1258(text);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      expect(bytes.includes(Buffer.from([0x48, 0xf4, 0xf2]))).toBe(true); // "Hộ" = H, ô, dot below
    });
  });

  describe('.xlsx', () => {
    const header = ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp độ', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Thành phần hồ sơ', 'Đường dẫn'];

    it('imports the first sheet, with numeric codes, hyperlinks, rich text and papers on lines of a cell', async () => {
      const link = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001190';
      const buf = await xlsx(
        [
          ['DANH MỤC THỦ TỤC HÀNH CHÍNH'],
          header,
          [1.00119, 'Đăng ký khai sinh', 'HỘ TỊCH', 'Toàn trình', 'Ngay trong ngày', 'Miễn lệ phí', 'Tờ khai\nGiấy chứng sinh', { text: 'Xem', hyperlink: link }],
          [],
          ['2.000815', { richText: [{ text: 'Chứng thực ' }, { font: { bold: true }, text: 'bản sao' }] }, 'chung-thuc', 'Mức độ 3', '', '2.000 đồng/trang', '', ''],
        ],
        [['Mã thủ tục', 'Tên thủ tục'], ['không phải', 'dữ liệu']],
      );
      const catalogue = await open();
      expect(await catalogue.importFile(buf, 'danh-muc.xlsx')).toEqual({ ok: true, count: 2 });
      expect(catalogue.list()).toEqual([
        { code: '1.001190', name: 'Đăng ký khai sinh', serviceId: 'ho-tich', level: 'Toàn trình', processingTime: 'Ngay trong ngày', fees: 'Miễn lệ phí', papers: ['Tờ khai', 'Giấy chứng sinh'], portalUrl: link },
        { code: '2.000815', name: 'Chứng thực bản sao', serviceId: 'chung-thuc', level: 'Một phần', processingTime: '', fees: '2.000 đồng/trang', papers: [] },
      ]);
    });

    it('reports errors by the row numbers Excel shows and imports nothing', async () => {
      const buf = await xlsx([
        header,
        ['1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 'Toàn trình'],
        [],
        ['1.000894', 'Đăng ký kết hôn', 'Hôn nhân', 'Một phần'],
        ['1.000656', 'Đăng ký khai tử', 'Hộ tịch', 'Toàn trình', '', '', '', 'ftp://example.org/khai-tu'],
      ]);
      const catalogue = await open();
      const result = await catalogue.importFile(buf, 'loi.xlsx');
      expect(!result.ok && lines(result.errors)).toEqual([
        [4, 'Lĩnh vực'],
        [5, 'Đường dẫn'],
      ]);
      expect(catalogue.info().source).toBe('sample');
    });
  });

  describe('files that are not a catalogue', () => {
    it.each([
      ['an empty file', Buffer.alloc(0), 0],
      ['an Excel 97–2003 .xls file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 0],
      ['a damaged .xlsx (zip) file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 0],
      ['a text file without the header', Buffer.from('Họ tên,Địa chỉ\nNguyễn Văn A,Hà Nội\n'), 1],
    ])('refuses %s with one Vietnamese message', async (_, buf, line) => {
      const catalogue = await open();
      const result = await catalogue.importFile(buf, 'x');
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors).toEqual([{ line, message: expect.any(String) }]);
      expect(catalogue.info().source).toBe('sample');
    });

    it('names an unclosed quote with the row where it starts', async () => {
      const text = 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp độ\n1.001193,Đăng ký khai sinh,Hộ tịch,Toàn trình\n1.000894,"Đăng ký kết hôn,Hộ tịch,Một phần\n';
      const result = await (await open()).importFile(Buffer.from(text), 'x.csv');
      expect(!result.ok && lines(result.errors)).toEqual([[3, undefined]]);
    });
  });

  it('two imports at once are applied one after the other; memory and disk agree on the last', async () => {
    const catalogue = await open();
    const [a, b] = await Promise.all([
      catalogue.importFile(await fixture('thu-tuc-hop-le.csv'), 'tot.csv'),
      catalogue.importFile(await fixture('thu-tuc-cot-tieng-anh.csv'), 'en.csv'),
    ]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(catalogue.info()).toMatchObject({ filename: 'en.csv', count: 2 });
    expect((await open()).list()).toEqual(catalogue.list());
  });

  describe('a damaged catalogue.json', () => {
    it('is moved aside, reported, and the sample is served', async () => {
      await writeFile(catalogueFile(), '{"version":1,"procedures":[{"code":');
      const reported: CorruptDataFileError[] = [];
      const catalogue = await open({ onCorrupt: (err) => reported.push(err) });
      expect(reported).toHaveLength(1);
      expect(catalogue.info().source).toBe('sample');
      const files = await readdir(dataDir);
      expect(files.some((f) => f.startsWith('catalogue.json.corrupt-'))).toBe(true);
      expect(files).not.toContain('catalogue.json');
    });

    it('makes createCatalogue reject when nobody listens for it', async () => {
      await writeFile(catalogueFile(), JSON.stringify({ version: 1, filename: 'x', importedAt: 'x', procedures: [{ code: 'bad code' }] }));
      await expect(open()).rejects.toBeInstanceOf(CorruptDataFileError);
    });
  });
});

function tabSeparated(csv: string): string {
  return csv.replace(/"[^"]*"|,/g, (m) => (m === ',' ? '\t' : m));
}

function semicolonSeparated(csv: string): string {
  // Quoted cells keep their commas; every bare comma is a delimiter. Cells holding ";" are quoted already
  // except one fee cell, which gets quotes here.
  return csv
    .replace('20.000 đồng/lần; nộp trực tuyến 10.000 đồng/lần', '"20.000 đồng/lần; nộp trực tuyến 10.000 đồng/lần"')
    .replace(/"[^"]*"|,/g, (m) => (m === ',' ? ';' : m));
}
