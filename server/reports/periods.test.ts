import { describe, expect, it } from 'vitest';
import { periodPreset, periodPresets, presetsContaining, rangeProblem, assertRange, ReportRequestError } from './periods';

const span = (kind: Parameters<typeof periodPreset>[0], year: number, index = 1) => {
  const p = periodPreset(kind, year, index);
  return `${p.from}..${p.to}`;
};

describe('periodPreset() follows the 15th-to-14th rule', () => {
  it('starts month 01 and quarter I on 15 December of the year before', () => {
    expect(span('month', 2026, 1)).toBe('2025-12-15..2026-01-14');
    expect(span('quarter', 2026, 1)).toBe('2025-12-15..2026-03-14');
    expect(span('half', 2026, 1)).toBe('2025-12-15..2026-06-14');
    expect(span('nine-months', 2026)).toBe('2025-12-15..2026-09-14');
    expect(span('year', 2026)).toBe('2025-12-15..2026-12-14');
  });

  it('runs later quarters, halves and months from the 15th to the 14th', () => {
    expect(span('quarter', 2026, 2)).toBe('2026-03-15..2026-06-14');
    expect(span('quarter', 2026, 4)).toBe('2026-09-15..2026-12-14');
    expect(span('half', 2026, 2)).toBe('2026-06-15..2026-12-14');
    expect(span('month', 2026, 3)).toBe('2026-02-15..2026-03-14');
    expect(span('month', 2026, 12)).toBe('2026-11-15..2026-12-14');
  });

  it('gives calendar periods their own bounds, leap years included', () => {
    expect(span('calendar-month', 2028, 2)).toBe('2028-02-01..2028-02-29');
    expect(span('calendar-quarter', 2026, 4)).toBe('2026-10-01..2026-12-31');
    expect(span('calendar-year', 2026)).toBe('2026-01-01..2026-12-31');
  });

  it('labels periods in Vietnamese with their dates', () => {
    expect(periodPreset('quarter', 2026, 2).label).toBe('Quý II/2026 (15/03/2026 – 14/06/2026)');
    expect(periodPreset('month', 2026, 1).label).toBe('Tháng 01/2026 (15/12/2025 – 14/01/2026)');
  });

  it('tiles a reporting year with its months and quarters, no gaps or overlaps', () => {
    for (const kind of ['month', 'quarter', 'half'] as const) {
      const list = periodPresets(kind, 2026);
      expect(list[0].from).toBe('2025-12-15');
      expect(list.at(-1)!.to).toBe('2026-12-14');
      for (let i = 1; i < list.length; i++) {
        const dayAfter = new Date(Date.parse(list[i - 1].to) + 86_400_000).toISOString().slice(0, 10);
        expect(list[i].from).toBe(dayAfter);
      }
    }
  });

  it('refuses an index the kind does not have', () => {
    expect(() => periodPreset('quarter', 2026, 5)).toThrow(RangeError);
    expect(() => periodPreset('month', 2026, 0)).toThrow(RangeError);
  });
});

describe('presetsContaining()', () => {
  it('puts 20 December 2025 in the next reporting year but the same calendar year', () => {
    const names = presetsContaining('2025-12-20').map((p) => `${p.kind}:${p.year}:${p.index}`);
    expect(names).toEqual(
      expect.arrayContaining(['month:2026:1', 'quarter:2026:1', 'half:2026:1', 'nine-months:2026:1', 'year:2026:1', 'calendar-month:2025:12', 'calendar-quarter:2025:4', 'calendar-year:2025:1']),
    );
    expect(names).toHaveLength(8);
  });

  it('leaves the nine-month period out after 14 September', () => {
    const kinds = presetsContaining('2026-09-15').map((p) => p.kind);
    expect(kinds).not.toContain('nine-months');
    expect(presetsContaining('2026-09-14').map((p) => p.kind)).toContain('nine-months');
  });
});

describe('rangeProblem()', () => {
  it('accepts a custom range up to three years', () => {
    expect(rangeProblem('2025-07-01', '2025-07-01')).toBeNull();
    expect(rangeProblem('2024-01-01', '2026-12-31')).toBeNull();
  });

  it('refuses reversed, too long and malformed ranges with a Vietnamese reason', () => {
    expect(rangeProblem('2026-02-01', '2026-01-31')).toMatch(/Ngày bắt đầu phải trước/);
    expect(rangeProblem('2024-01-01', '2027-01-01')).toMatch(/tối đa là 3 năm/);
    expect(rangeProblem('2026-02-30', '2026-03-01')).toMatch(/Ngày bắt đầu không hợp lệ/);
    expect(rangeProblem('2026-01-01', '26-03-01')).toMatch(/Ngày kết thúc không hợp lệ/);
    expect(() => assertRange('2026-03-01', '2026-01-01')).toThrow(ReportRequestError);
  });
});
