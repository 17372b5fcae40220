import { describe, expect, it } from 'vitest';
import { sampleCentre } from '@protocol/sample-centre';
import { sampleProcedures } from './sample-catalogue';
import { foldVietnamese } from './fold-vietnamese';
import { buildSearchIndex } from './search-index';

const serviceNames = new Map(sampleCentre.services.map((s) => [s.id, s.name]));

// Both orders, so that a ranking cannot pass merely because the sample lists the best match first.
describe.each([
  ['in catalogue order', [...sampleProcedures]],
  ['in reverse order', [...sampleProcedures].reverse()],
])('search over the sample catalogue %s', (_, procedures) => {
  const index = buildSearchIndex(procedures, serviceNames);
  const names = (query: string, opts?: Parameters<typeof index.search>[1]) => index.search(query, opts).map((p) => p.name);
  it('"ho tich" finds exactly the procedures of the field Hộ tịch', () => {
    const results = index.search('ho tich', { limit: 100 });
    const hoTich = sampleProcedures.filter((p) => p.serviceId === 'ho-tich');
    expect(results.map((p) => p.code).sort()).toEqual(hoTich.map((p) => p.code).sort());
  });

  it('lists every name that contains a phrase of the sample names before names that only have its words', () => {
    const phrases = new Set<string>();
    for (const p of sampleProcedures) {
      const words = foldVietnamese(p.name).split(' ');
      for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= words.length; i++) phrases.add(words.slice(i, i + n).join(' '));
    }
    const misranked: string[] = [];
    for (const phrase of phrases) {
      const has = index.search(phrase, { limit: 500 }).map((p) => ` ${foldVietnamese(p.name)}`.includes(` ${phrase}`));
      if (has.indexOf(false) !== -1 && has.indexOf(false) < has.lastIndexOf(true)) misranked.push(phrase);
    }
    expect(misranked).toEqual([]);
  });

  it('finds each sample procedure first by its own full name', () => {
    for (const p of sampleProcedures) expect(index.search(p.name)[0]?.code, p.name).toBe(p.code);
  });

  it('"khai sinh" ranks "Đăng ký khai sinh" first, before its special cases', () => {
    const found = names('khai sinh');
    expect(found[0]).toBe('Đăng ký khai sinh');
    expect(found).toContain('Đăng ký lại khai sinh');
    expect(found.indexOf('Đăng ký lại khai sinh')).toBeGreaterThan(0);
  });

  it('"dang ky ket hon" finds "Đăng ký kết hôn" first, with or without diacritics and in any case', () => {
    for (const q of ['dang ky ket hon', 'Đăng ký kết hôn', 'ĐĂNG KÝ KẾT HÔN', 'Đăng ký kết hôn'.normalize('NFD'), 'dăng kí kêt hon']) {
      expect(names(q)[0], q).toBe('Đăng ký kết hôn');
    }
  });

  it('matches đ as d in both directions', () => {
    expect(names('dat dai')).toEqual(names('đất đai'));
    expect(names('dat dai').length).toBeGreaterThan(0);
  });

  it('ranks a match in the name above a match only in the required papers', () => {
    // Đăng ký khai sinh asks for the parents' marriage certificate ("Giấy chứng nhận kết hôn").
    const found = names('ket hon');
    expect(found[0]).toBe('Đăng ký kết hôn');
    expect(found).toContain('Đăng ký khai sinh');
  });

  it('finds a procedure by a word that appears only in its papers', () => {
    expect(names('giay chung sinh')).toContain('Đăng ký khai sinh');
  });

  it('treats the last word as half typed', () => {
    expect(names('giay phep xay d').slice(0, 3).sort()).toEqual(
      ['Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ'].sort(),
    );
    expect(names('thuong t')).toContain('Đăng ký thường trú');
  });

  it('needs every word to match, so an unrelated word finds nothing', () => {
    expect(names('khai sinh xe may')).toEqual([]);
    expect(names('so ho khau')).toEqual([]);
  });

  it('puts the exact code first and finds codes by their start', () => {
    expect(index.search('1.000894')[0].name).toBe('Đăng ký kết hôn');
    expect(index.search(' 1.000894 ')[0].code).toBe('1.000894');
    const byPrefix = index.search('2.0008');
    expect(byPrefix.length).toBeGreaterThan(1);
    expect(byPrefix.every((p) => p.code.startsWith('2.0008'))).toBe(true);
  });

  it('ignores "thủ tục" around what the citizen looks for', () => {
    expect(names('thủ tục đăng ký khai sinh')[0]).toBe('Đăng ký khai sinh');
  });

  it('finds a field by its id, as citizens type "bhxh"', () => {
    const found = index.search('bhxh');
    expect(found.length).toBe(sampleProcedures.filter((p) => p.serviceId === 'bhxh').length);
    expect(found.every((p) => p.serviceId === 'bhxh')).toBe(true);
  });

  it('ranks "tạm trú" as a phrase above a name that merely holds "tạm … trước"', () => {
    const found = names('tam tru');
    expect(found.slice(0, 2).sort()).toEqual(['Gia hạn tạm trú', 'Đăng ký tạm trú'].sort());
    expect(found).toContain('Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh');
  });

  it('limits results to one field with serviceId', () => {
    const found = index.search('dang ky', { serviceId: 'cong-an' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.serviceId === 'cong-an')).toBe(true);
  });

  it('browses a whole field in catalogue order when the query is empty', () => {
    const chungThuc = procedures.filter((p) => p.serviceId === 'chung-thuc');
    expect(index.search('', { serviceId: 'chung-thuc' })).toEqual(chungThuc);
    expect(index.search('   ').length).toBe(sampleProcedures.length);
  });

  it('returns at most limit results, 50 by default', () => {
    expect(index.search('dang ky', { limit: 3 })).toHaveLength(3);
    expect(index.search('a', { limit: 3 }).length).toBeLessThanOrEqual(3);
    const many = buildSearchIndex(
      Array.from({ length: 80 }, (_, i) => ({ ...sampleProcedures[0], code: `9.${String(i).padStart(6, '0')}` })),
      serviceNames,
    );
    expect(many.search('khai sinh')).toHaveLength(50);
  });

  it('matches the field names it is given, so a renamed field is found by its new name', () => {
    const renamed = buildSearchIndex(procedures, new Map([...serviceNames, ['ho-tich', 'Hộ tịch – Con nuôi']]));
    expect(renamed.search('con nuoi').length).toBe(sampleProcedures.filter((p) => p.serviceId === 'ho-tich').length);
    expect(index.search('con nuoi')).toEqual([]);
  });
});

describe.each([
  ['first', ['Hòa giải cơ sở', 'Hộ kinh doanh tạm ngừng hoạt động']],
  ['last', ['Hộ kinh doanh tạm ngừng hoạt động', 'Hòa giải cơ sở']],
])('search with the half-typed match listed %s', (_, names) => {
  it('prefers a name holding the query as a whole word ("ho" = "hộ") over a shorter one where it is a prefix ("hòa")', () => {
    const procedures = names.map((name, i) => ({ ...sampleProcedures[0], code: `9.00000${i}`, name }));
    const index = buildSearchIndex(procedures, serviceNames);
    expect(index.search('ho').map((p) => p.name)).toEqual(['Hộ kinh doanh tạm ngừng hoạt động', 'Hòa giải cơ sở']);
  });
});
