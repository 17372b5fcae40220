// Reporting periods. Centres report on a 15th-to-14th rule: "month 01/2026" runs from
// 15/12/2025 to 14/01/2026, a quarter from the 15th of the month before it to the 14th of
// its last month, a year from 15/12 of the year before to 14/12. Calendar periods and
// custom ranges exist too (the first report after a reorganisation starts on another day).
import type { Period, PeriodKind } from '@protocol/reports';
import { addDays, daysBetween, isIsoDay, makeDay, viDate } from './calendar-days';

/** How many periods of a kind a year holds. */
export const periodsPerYear: Record<PeriodKind, number> = {
  month: 12,
  quarter: 4,
  half: 2,
  'nine-months': 1,
  year: 1,
  'calendar-month': 12,
  'calendar-quarter': 4,
  'calendar-year': 1,
};

const ROMAN = ['I', 'II', 'III', 'IV'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** From the 15th of the month before `firstMonth` to the 14th of `lastMonth` (months of `year`). */
function reportingSpan(year: number, firstMonth: number, lastMonth: number): { from: string; to: string } {
  return { from: makeDay(year, firstMonth - 1, 15), to: makeDay(year, lastMonth, 14) };
}

function calendarSpan(year: number, firstMonth: number, lastMonth: number): { from: string; to: string } {
  return { from: makeDay(year, firstMonth, 1), to: makeDay(year, lastMonth + 1, 0) };
}

function spanAndName(kind: PeriodKind, year: number, index: number): { from: string; to: string; name: string } {
  switch (kind) {
    case 'month':
      return { ...reportingSpan(year, index, index), name: `Tháng ${pad2(index)}/${year}` };
    case 'quarter':
      return { ...reportingSpan(year, index * 3 - 2, index * 3), name: `Quý ${ROMAN[index - 1]}/${year}` };
    case 'half':
      return { ...reportingSpan(year, index * 6 - 5, index * 6), name: `${index === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${year}` };
    case 'nine-months':
      return { ...reportingSpan(year, 1, 9), name: `9 tháng năm ${year}` };
    case 'year':
      return { ...reportingSpan(year, 1, 12), name: `Năm ${year}` };
    case 'calendar-month':
      return { ...calendarSpan(year, index, index), name: `Tháng ${pad2(index)}/${year} (theo lịch)` };
    case 'calendar-quarter':
      return { ...calendarSpan(year, index * 3 - 2, index * 3), name: `Quý ${ROMAN[index - 1]}/${year} (theo lịch)` };
    case 'calendar-year':
      return { ...calendarSpan(year, 1, 12), name: `Năm ${year} (theo lịch)` };
  }
}

/** One preset period, e.g. periodPreset('quarter', 2026, 2) = 15/03/2026 – 14/06/2026. */
export function periodPreset(kind: PeriodKind, year: number, index = 1): Period {
  if (!(kind in periodsPerYear)) throw new RangeError(`unknown period kind ${kind}`);
  if (!Number.isInteger(index) || index < 1 || index > periodsPerYear[kind]) throw new RangeError(`${kind} index must be 1–${periodsPerYear[kind]}`);
  if (!Number.isInteger(year) || year < 2000 || year > 2200) throw new RangeError('year out of range');
  const { from, to, name } = spanAndName(kind, year, index);
  return { kind, year, index, from, to, label: `${name} (${viDate(from)} – ${viDate(to)})` };
}

/** Every period of a kind in a year, in order (12 months, 4 quarters, …). */
export function periodPresets(kind: PeriodKind, year: number): Period[] {
  return Array.from({ length: periodsPerYear[kind] }, (_, i) => periodPreset(kind, year, i + 1));
}

/** The presets that contain a day, reporting periods first: what "this month / quarter / year" means on that day. */
export function presetsContaining(day: string): Period[] {
  const year = Number(day.slice(0, 4));
  const out: Period[] = [];
  for (const kind of Object.keys(periodsPerYear) as PeriodKind[]) {
    // A reporting year runs into the next calendar year's number from 15 December.
    for (const y of [year, year + 1]) {
      for (const p of periodPresets(kind, y)) if (p.from <= day && day <= p.to) out.push(p);
    }
  }
  return out;
}

export const MAX_RANGE_YEARS = 3;

/** Why a range cannot be reported on, in Vietnamese, or null when it can. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isIsoDay(from)) return 'Ngày bắt đầu không hợp lệ (cần dạng YYYY-MM-DD).';
  if (!isIsoDay(to)) return 'Ngày kết thúc không hợp lệ (cần dạng YYYY-MM-DD).';
  if (from > to) return 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.';
  const limit = addDays(makeDay(Number(from.slice(0, 4)) + MAX_RANGE_YEARS, Number(from.slice(5, 7)), Number(from.slice(8, 10))), -1);
  if (daysBetween(limit, to) > 0) return `Khoảng thời gian tối đa là ${MAX_RANGE_YEARS} năm.`;
  return null;
}

/** A refused report request (range, table name); the HTTP layer answers `invalid-payload` with this message. */
export class ReportRequestError extends Error {
  readonly code = 'invalid-payload';
  constructor(readonly messageVi: string) {
    super(messageVi);
    this.name = 'ReportRequestError';
  }
}

export function assertRange(from: string, to: string): void {
  const problem = rangeProblem(from, to);
  if (problem) throw new ReportRequestError(problem);
}
