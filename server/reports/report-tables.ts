// The report laid out as tables with Vietnamese headers, once, for both exports:
// the .xlsx gets a sheet per table and the CSV one table per file.
import type { BreakdownKind, BreakdownRow, ExportTable, Figures, Report } from '@protocol/reports';

/** count: whole number; minutes: a time in minutes; percent: 0–100; text: as is. */
export type CellKind = 'text' | 'count' | 'minutes' | 'percent';
export type Cell = string | number | null;

export interface Table {
  name: ExportTable;
  /** Sheet name (Excel allows 31 characters). */
  title: string;
  columns: { header: string; kind: CellKind }[];
  rows: Cell[][];
}

const minutes = (seconds: number | null): number | null => (seconds === null ? null : seconds / 60);

const BREAKDOWNS: Record<BreakdownKind, { title: string; keyHeader: string; rows: (r: Report) => BreakdownRow[]; totalRow: boolean }> = {
  field: { title: 'Theo lĩnh vực', keyHeader: 'Lĩnh vực', rows: (r) => r.byField, totalRow: true },
  counter: { title: 'Theo quầy', keyHeader: 'Quầy', rows: (r) => r.byCounter, totalRow: false },
  staff: { title: 'Theo cán bộ', keyHeader: 'Cán bộ', rows: (r) => r.byStaff, totalRow: false },
  day: { title: 'Theo ngày', keyHeader: 'Ngày', rows: (r) => r.byDay, totalRow: true },
  hour: { title: 'Theo giờ', keyHeader: 'Khung giờ (giờ lấy số)', rows: (r) => r.byHour, totalRow: true },
};

/** The columns every breakdown shows, one per figure; the rating levels are the report's. */
export function figureColumns(report: Pick<Report, 'totals'>): { header: string; kind: CellKind; value: (f: Figures) => Cell }[] {
  const levelColumns = report.totals.ratings.levels.flatMap((level, i) => [
    { header: level.label, kind: 'count' as const, value: (f: Figures) => f.ratings.levels[i].count },
    { header: `${level.label} (%)`, kind: 'percent' as const, value: (f: Figures) => f.ratings.levels[i].percent },
  ]);
  return [
    { header: 'Số lượt tiếp công dân', kind: 'count', value: (f) => f.visits },
    { header: 'Đã phục vụ', kind: 'count', value: (f) => f.served },
    { header: 'Vắng mặt', kind: 'count', value: (f) => f.noShows },
    { header: 'Chưa phục vụ', kind: 'count', value: (f) => f.unserved + f.serving },
    { header: 'Ưu tiên', kind: 'count', value: (f) => f.priority },
    { header: 'Chuyển lĩnh vực/quầy', kind: 'count', value: (f) => f.transferred },
    { header: 'Chờ trung bình (phút)', kind: 'minutes', value: (f) => minutes(f.wait.averageSeconds) },
    { header: 'Chờ trung vị (phút)', kind: 'minutes', value: (f) => minutes(f.wait.medianSeconds) },
    { header: '90% chờ không quá (phút)', kind: 'minutes', value: (f) => minutes(f.wait.p90Seconds) },
    { header: 'Phục vụ trung bình (phút)', kind: 'minutes', value: (f) => minutes(f.service.averageSeconds) },
    { header: 'Phục vụ trung vị (phút)', kind: 'minutes', value: (f) => minutes(f.service.medianSeconds) },
    { header: '90% phục vụ không quá (phút)', kind: 'minutes', value: (f) => minutes(f.service.p90Seconds) },
    { header: 'Số lượt đánh giá', kind: 'count', value: (f) => f.ratings.rated },
    ...levelColumns,
    { header: 'Không đánh giá', kind: 'count', value: (f) => f.ratings.notRated },
    { header: 'Lý do chưa hài lòng', kind: 'text', value: (f) => f.ratings.reasons.map((r) => `${r.reason}: ${r.count}`).join('; ') },
  ];
}

function breakdownTable(report: Report, kind: BreakdownKind): Table {
  const spec = BREAKDOWNS[kind];
  const cols = figureColumns(report);
  const rows: Cell[][] = spec.rows(report).map((row) => [row.name, ...cols.map((c) => c.value(row))]);
  if (spec.totalRow) rows.push(['Tổng cộng', ...cols.map((c) => c.value(report.totals))]);
  return {
    name: kind,
    title: spec.title,
    columns: [{ header: spec.keyHeader, kind: 'text' }, ...cols.map(({ header, kind }) => ({ header, kind }))],
    rows,
  };
}

function summaryTable(report: Report): Table {
  const t = report.totals;
  // One value column holds counts and times, so times are rounded here as the report prints them.
  const min = (seconds: number | null): Cell => (seconds === null ? null : Math.round(seconds / 6) / 10);
  const rows: Cell[][] = [
    ['Từ ngày', report.from, ''],
    ['Đến ngày', report.to, ''],
    ['Tổng số lượt tiếp công dân tại Trụ sở Trung tâm', t.visits, 'lượt'],
    ['Đã phục vụ', t.served, 'lượt'],
    ['Vắng mặt khi được gọi', t.noShows, 'lượt'],
    ['Chưa phục vụ', t.unserved + t.serving, 'lượt'],
    ['Ưu tiên', t.priority, 'lượt'],
    ['Chuyển lĩnh vực/quầy', t.transferred, 'lượt'],
    ['Thời gian chờ trung bình', min(t.wait.averageSeconds), 'phút'],
    ['Thời gian chờ trung vị', min(t.wait.medianSeconds), 'phút'],
    ['90% công dân chờ không quá', min(t.wait.p90Seconds), 'phút'],
    ['Thời gian phục vụ trung bình', min(t.service.averageSeconds), 'phút'],
    ['Thời gian phục vụ trung vị', min(t.service.medianSeconds), 'phút'],
    ['90% lượt phục vụ không quá', min(t.service.p90Seconds), 'phút'],
    ['Tổng số lượt đánh giá', t.ratings.rated, 'lượt'],
    ...t.ratings.levels.map((l) => [l.label, l.count, 'lượt']),
    ['Không đánh giá', t.ratings.notRated, 'lượt'],
  ];
  return {
    name: 'summary',
    title: 'Tổng hợp',
    columns: [
      { header: 'Chỉ tiêu', kind: 'text' },
      { header: 'Giá trị', kind: 'text' },
      { header: 'Đơn vị', kind: 'text' },
    ],
    rows,
  };
}

function ratingTable(report: Report): Table {
  const r = report.totals.ratings;
  return {
    name: 'rating',
    title: 'Mức độ hài lòng',
    columns: [
      { header: 'Mức đánh giá', kind: 'text' },
      { header: 'Số lượt', kind: 'count' },
      { header: 'Tỉ lệ (%)', kind: 'percent' },
    ],
    rows: [...r.levels.map((l) => [l.label, l.count, l.percent]), ['Tổng số lượt đánh giá', r.rated, r.rated > 0 ? 100 : null], ['Không đánh giá', r.notRated, null]],
  };
}

function reasonTable(report: Report): Table {
  return {
    name: 'reason',
    title: 'Lý do chưa hài lòng',
    columns: [
      { header: 'Lý do', kind: 'text' },
      { header: 'Số lượt', kind: 'count' },
    ],
    rows: report.totals.ratings.reasons.map((r) => [r.reason, r.count]),
  };
}

export function reportTable(report: Report, name: ExportTable): Table {
  switch (name) {
    case 'summary':
      return summaryTable(report);
    case 'rating':
      return ratingTable(report);
    case 'reason':
      return reasonTable(report);
    default:
      return breakdownTable(report, name);
  }
}
