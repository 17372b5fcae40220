// The report laid out as tables with Vietnamese headers, once, for every export and the
// managers' app: the .xlsx gets a sheet per table, the CSV one table per file, the report
// page shows them all. Every table ends with its total row. Pure: no Node, no DOM.
import type { CounterRow, ExportTable, PeriodRow, RatingFigures, Report, ServiceFigures, StaffDayRow, TimeAtCounter, VisitFigures, WorkFigures } from './reports';

/** count: whole number; minutes: a time in minutes; percent: 0–100; day: a date (YYYY-MM-DD); text: as is. */
export type CellKind = 'text' | 'count' | 'minutes' | 'percent' | 'day';
export type Cell = string | number | null;

export interface Column {
  header: string;
  kind: CellKind;
}

export interface Table {
  name: ExportTable;
  /** Sheet name (Excel allows 31 characters). */
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** The last row is the total ("Tổng cộng"). */
  totalRow: Cell[];
}

/** A column and how to read its cell from a row of figures. */
export type Getter<T> = Column & { value: (row: T) => Cell };

const minutes = (seconds: number | null): number | null => (seconds === null ? null : seconds / 60);
const TOTAL = 'Tổng cộng';

export function visitColumns(): Getter<VisitFigures>[] {
  return [
    { header: 'Lượt tiếp công dân', kind: 'count', value: (v) => v.visits },
    { header: 'Đã phục vụ xong', kind: 'count', value: (v) => v.served },
    { header: 'Vắng mặt', kind: 'count', value: (v) => v.absent },
    { header: 'Chưa phục vụ', kind: 'count', value: (v) => v.unserved + v.serving },
    { header: 'Ưu tiên', kind: 'count', value: (v) => v.priority },
    { header: 'Chờ trung bình (phút)', kind: 'minutes', value: (v) => minutes(v.wait.averageSeconds) },
    { header: 'Chờ trung vị (phút)', kind: 'minutes', value: (v) => minutes(v.wait.medianSeconds) },
  ];
}

/** The number of ratings, then each level's count and share, for the levels given. */
export function ratingColumns(levels: readonly { label: string }[]): Getter<RatingFigures>[] {
  return [
    { header: 'Số lượt đánh giá', kind: 'count', value: (r) => r.rated },
    ...levels.flatMap((level, i) => [
      { header: level.label, kind: 'count' as const, value: (r: RatingFigures) => r.levels[i]?.count ?? 0 },
      { header: `${level.label} (%)`, kind: 'percent' as const, value: (r: RatingFigures) => r.levels[i]?.percent ?? null },
    ]),
  ];
}

// The work's columns, read from an officer's day as from any service figures; the outcomes'
// columns go between the calls' and the times' where a table has them.
const CALL_COLUMNS: Getter<WorkFigures>[] = [
  { header: 'Lượt phục vụ', kind: 'count', value: (s) => s.services },
  { header: 'Phục vụ xong', kind: 'count', value: (s) => s.finished },
  { header: 'Chuyển đi', kind: 'count', value: (s) => s.transfers },
  { header: 'Vắng mặt khi gọi', kind: 'count', value: (s) => s.absences },
];
const WORK_TIME_COLUMNS: Getter<WorkFigures>[] = [
  { header: 'Số mã hồ sơ', kind: 'count', value: (s) => s.dossiers },
  { header: 'Phục vụ trung bình (phút)', kind: 'minutes', value: (s) => minutes(s.serviceTime.averageSeconds) },
  { header: 'Phục vụ trung vị (phút)', kind: 'minutes', value: (s) => minutes(s.serviceTime.medianSeconds) },
  { header: 'Gọi trong thời gian chờ mục tiêu (%)', kind: 'percent', value: (s) => s.serviceLevelPercent },
];

function serviceColumns(report: Report, opts: { outcomes: boolean; ratings: boolean }): Getter<ServiceFigures>[] {
  const outcomeColumns: Getter<ServiceFigures>[] = opts.outcomes
    ? report.totals.services.outcomes.map((o, i) => ({ header: o.label, kind: 'count' as const, value: (s: ServiceFigures) => s.outcomes[i]?.count ?? 0 }))
    : [];
  const ratingGetters: Getter<ServiceFigures>[] = opts.ratings
    ? ratingColumns(report.totals.services.ratings.levels).map((c) => ({ ...c, value: (s: ServiceFigures) => c.value(s.ratings) }))
    : [];
  return [...CALL_COLUMNS, ...outcomeColumns, ...WORK_TIME_COLUMNS, ...ratingGetters];
}

function timeColumns(): Getter<TimeAtCounter>[] {
  return [
    { header: 'Đăng nhập (phút)', kind: 'minutes', value: (t) => t.signedInSeconds / 60 },
    { header: 'Đang phục vụ (phút)', kind: 'minutes', value: (t) => t.servingSeconds / 60 },
    { header: 'Không có công dân (phút)', kind: 'minutes', value: (t) => t.idleSeconds / 60 },
    { header: 'Tạm dừng (phút)', kind: 'minutes', value: (t) => t.pausedSeconds / 60 },
    { header: 'Tạm dừng theo lý do', kind: 'text', value: (t) => t.pauses.map((p) => `${p.reason}: ${Math.round(p.seconds / 60)} phút`).join('; ') },
  ];
}

/** Lays rows out through column getters, then the total row from `total`. */
function layout<T>(name: ExportTable, title: string, lead: Column[], cols: Getter<T>[], rows: { lead: Cell[]; row: T }[], total: { lead: Cell[]; row: T }): Table {
  return {
    name,
    title,
    columns: [...lead, ...cols.map(({ header, kind }) => ({ header, kind }))],
    rows: rows.map((r) => [...r.lead, ...cols.map((c) => c.value(r.row))]),
    totalRow: [...total.lead, ...cols.map((c) => c.value(total.row))],
  };
}

function join<A, B>(a: Getter<A>[], b: Getter<B>[]): Getter<{ a: A; b: B }>[] {
  return [...a.map((c) => ({ ...c, value: (r: { a: A; b: B }) => c.value(r.a) })), ...b.map((c) => ({ ...c, value: (r: { a: A; b: B }) => c.value(r.b) }))];
}

function fieldTable(report: Report): Table {
  const cols = join(visitColumns(), serviceColumns(report, { outcomes: true, ratings: true }));
  return layout(
    'field',
    'Theo lĩnh vực',
    [
      { header: 'Lĩnh vực', kind: 'text' },
      { header: 'Thời gian chờ mục tiêu (phút)', kind: 'count' },
    ],
    cols,
    report.byField.map((f) => ({ lead: [f.name, f.targetWaitMinutes], row: { a: f.visits, b: f.services } })),
    { lead: [TOTAL, null], row: { a: report.totals.visits, b: report.totals.services } },
  );
}

function workTable(report: Report, name: 'counter' | 'staff', title: string, header: string, rows: CounterRow[]): Table {
  const cols = join(serviceColumns(report, { outcomes: false, ratings: true }), timeColumns());
  return layout(
    name,
    title,
    [{ header, kind: 'text' }],
    cols,
    rows.map((r) => ({ lead: [r.name], row: { a: r.services, b: r.time } })),
    { lead: [TOTAL], row: { a: report.totals.services, b: report.totals.time } },
  );
}

function staffDayTable(report: Report): Table {
  const cols = join([...CALL_COLUMNS, ...WORK_TIME_COLUMNS], timeColumns());
  return layout(
    'staff-day',
    'Cán bộ theo ngày',
    [
      { header: 'Ngày', kind: 'day' },
      { header: 'Cán bộ', kind: 'text' },
    ],
    cols,
    report.byStaffDay.map((r: StaffDayRow) => ({ lead: [r.day, r.name], row: { a: r.services, b: r.time } })),
    { lead: [TOTAL, null], row: { a: report.totals.services, b: report.totals.time } },
  );
}

function periodTable(report: Report, name: 'day' | 'hour'): Table {
  const cols = join(visitColumns(), serviceColumns(report, { outcomes: true, ratings: false }));
  const lead: Column[] = name === 'day' ? [{ header: 'Ngày', kind: 'day' }, { header: 'Thứ', kind: 'text' }] : [{ header: 'Khung giờ', kind: 'text' }];
  const rows = name === 'day' ? report.byDay : report.byHour;
  const leadOf = (r: PeriodRow): Cell[] => (name === 'day' ? [r.key, r.name.replace(/^.*\((.*)\)$/, '$1')] : [r.name]);
  return layout(
    name,
    name === 'day' ? 'Theo ngày' : 'Theo giờ',
    lead,
    cols,
    rows.map((r) => ({ lead: leadOf(r), row: { a: r.visits, b: r.services } })),
    { lead: name === 'day' ? [TOTAL, null] : [TOTAL], row: { a: report.totals.visits, b: report.totals.services } },
  );
}

function outcomeTable(report: Report): Table {
  const total = report.totals.services;
  const fields = report.byField.filter((f) => f.services.finished > 0);
  const share = (count: number) => (total.finished > 0 ? (count / total.finished) * 100 : null);
  return {
    name: 'outcome',
    title: 'Kết quả phục vụ',
    columns: [
      { header: 'Kết quả phục vụ', kind: 'text' },
      { header: 'Số lượt', kind: 'count' },
      { header: 'Tỉ lệ (%)', kind: 'percent' },
      { header: 'Số mã hồ sơ', kind: 'count' },
      ...fields.map((f) => ({ header: f.name, kind: 'count' as const })),
    ],
    rows: total.outcomes.map((o, i) => [o.label, o.count, share(o.count), o.dossiers, ...fields.map((f) => f.services.outcomes[i]?.count ?? 0)]),
    totalRow: [TOTAL, total.finished, share(total.finished), total.dossiers, ...fields.map((f) => f.services.finished)],
  };
}

function summaryTable(report: Report): Table {
  const v = report.totals.visits;
  const s = report.totals.services;
  // One value column holds counts and times, so times are rounded here as the report prints them.
  const min = (seconds: number | null): Cell => (seconds === null ? null : Math.round(seconds / 6) / 10);
  const pct = (p: number | null): Cell => (p === null ? null : Math.round(p * 10) / 10);
  const rows: Cell[][] = [
    ['Tổng số lượt tiếp công dân tại Trụ sở Trung tâm', v.visits, 'lượt'],
    ['Đã phục vụ xong', v.served, 'lượt'],
    ['Vắng mặt khi được gọi', v.absent, 'lượt'],
    ['Chưa phục vụ', v.unserved + v.serving, 'lượt'],
    ['Ưu tiên', v.priority, 'lượt'],
    ['Công dân được chuyển lĩnh vực/quầy', v.transferred, 'lượt'],
    ['Lượt phục vụ (lượt gọi) tại các quầy', s.services, 'lượt'],
    ...s.outcomes.map((o) => [o.label, o.count, 'lượt']),
    ['Số mã hồ sơ ghi nhận', s.dossiers, 'mã'],
    ['Thời gian chờ trung bình', min(v.wait.averageSeconds), 'phút'],
    ['Thời gian chờ trung vị', min(v.wait.medianSeconds), 'phút'],
    ['90% công dân chờ không quá', min(v.wait.p90Seconds), 'phút'],
    ['Lượt gọi trong thời gian chờ mục tiêu', pct(s.serviceLevelPercent), '%'],
    ['Thời gian phục vụ trung bình', min(s.serviceTime.averageSeconds), 'phút'],
    ['Thời gian phục vụ trung vị', min(s.serviceTime.medianSeconds), 'phút'],
    ['Tổng số lượt đánh giá', s.ratings.rated, 'lượt'],
    ...s.ratings.levels.map((l) => [l.label, l.count, 'lượt']),
    ['Không đánh giá', s.ratings.notRated, 'lượt'],
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
    totalRow: ['Tổng số lượt tiếp công dân tại Trụ sở Trung tâm', v.visits, 'lượt'],
  };
}

function ratingTable(report: Report): Table {
  const r = report.totals.services.ratings;
  return {
    name: 'rating',
    title: 'Mức độ hài lòng',
    columns: [
      { header: 'Mức đánh giá', kind: 'text' },
      { header: 'Số lượt', kind: 'count' },
      { header: 'Tỉ lệ (%)', kind: 'percent' },
    ],
    rows: [...r.levels.map((l) => [l.label, l.count, l.percent]), ['Không đánh giá', r.notRated, null]],
    totalRow: ['Tổng số lượt đánh giá', r.rated, r.rated > 0 ? 100 : null],
  };
}

function reasonTable(report: Report): Table {
  const reasons = report.totals.services.ratings.reasons;
  return {
    name: 'reason',
    title: 'Lý do chưa hài lòng',
    columns: [
      { header: 'Lý do', kind: 'text' },
      { header: 'Số lượt', kind: 'count' },
    ],
    rows: reasons.map((r) => [r.reason, r.count]),
    totalRow: [TOTAL, reasons.reduce((n, r) => n + r.count, 0)],
  };
}

function dossierTable(report: Report): Table {
  return {
    name: 'dossier',
    title: 'Mã hồ sơ',
    columns: [
      { header: 'Mã hồ sơ', kind: 'text' },
      { header: 'Ngày', kind: 'day' },
      { header: 'Giờ gọi', kind: 'text' },
      { header: 'Quầy', kind: 'text' },
      { header: 'Cán bộ', kind: 'text' },
      { header: 'Lĩnh vực', kind: 'text' },
      { header: 'Kết quả phục vụ', kind: 'text' },
    ],
    rows: report.dossiers.map((d) => [d.code, d.day, d.time, d.counter, d.staff, d.field, d.outcome]),
    totalRow: [`${TOTAL}: ${report.dossiers.length + report.dossiersLeftOut} mã`, null, null, null, null, null, null],
  };
}

export function reportTable(report: Report, name: ExportTable): Table {
  switch (name) {
    case 'summary':
      return summaryTable(report);
    case 'field':
      return fieldTable(report);
    case 'counter':
      return workTable(report, 'counter', 'Theo quầy', 'Quầy', report.byCounter);
    case 'staff':
      return workTable(report, 'staff', 'Theo cán bộ', 'Cán bộ', report.byStaff);
    case 'staff-day':
      return staffDayTable(report);
    case 'day':
    case 'hour':
      return periodTable(report, name);
    case 'outcome':
      return outcomeTable(report);
    case 'rating':
      return ratingTable(report);
    case 'reason':
      return reasonTable(report);
    case 'dossier':
      return dossierTable(report);
  }
}
