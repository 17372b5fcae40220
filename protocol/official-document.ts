// The official report as the centres write theirs (the layout of Nghị định 30/2020/NĐ-CP):
// the body and the centre top left with "Số: …/BC-…", quốc hiệu and tiêu ngữ top right with
// the place and date, the title and the period, numbered parts of sentences ready to sign
// with their tables, and the signature block. One description, laid out twice: as .docx
// (export-docx.ts) and as the printed A4 page of the managers' app. Pure: no Node modules.
import type { CentreConfig } from './config';
import { localDay } from './local-time';
import type { Cell, CellKind } from './report-tables';
import type { Report } from './reports';
import { viCount, viDateInWords, viDateShort, viPercent } from './vi-format';

export interface DocumentTable {
  columns: { header: string; kind: CellKind }[];
  rows: Cell[][];
  totalRow: Cell[];
}

export interface DocumentPart {
  heading: string;
  paragraphs: string[];
  table?: DocumentTable;
  /** A line under the table (what it counts). */
  note?: string;
}

export interface OfficialDocument {
  /** Top left: the body above the centre, the centre, the number. */
  parentBody: string;
  issuer: string;
  number: string;
  /** Top right. */
  nation: string;
  motto: string;
  placeAndDate: string;
  title: string;
  subtitle: string;
  period: string;
  parts: DocumentPart[];
  recipients: string[];
  signerTitle: string;
  signerName: string;
}

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The sentences of the report that belong to each part, by how they start. */
const isSatisfaction = (line: string) => line.startsWith('Mức độ hài lòng') || line.startsWith('Lý do chưa hài lòng');

export function officialDocument(report: Report, config: Pick<CentreConfig, 'officialReport' | 'centre'>): OfficialDocument {
  const o = config.officialReport;
  const s = report.totals.services;
  const signedOn = localDay(report.generatedAt, config.centre.timeZone);
  const body = report.sentences.filter((l) => !l.startsWith('Kỳ báo cáo'));

  const outcomes = s.outcomes;
  const byField: DocumentTable = {
    columns: [
      { header: 'STT', kind: 'count' },
      { header: 'Lĩnh vực', kind: 'text' },
      { header: 'Lượt tiếp công dân', kind: 'count' },
      ...outcomes.map((x) => ({ header: x.label, kind: 'count' as const })),
    ],
    rows: report.byField
      .filter((f) => f.visits.visits > 0 || f.services.finished > 0)
      .map((f, i) => [i + 1, f.name, f.visits.visits, ...outcomes.map((_, k) => f.services.outcomes[k]?.count ?? 0)]),
    totalRow: [null, 'Tổng cộng', report.totals.visits.visits, ...outcomes.map((x) => x.count)],
  };

  const r = s.ratings;
  const satisfaction: DocumentTable = {
    columns: [
      { header: 'Mức đánh giá', kind: 'text' },
      { header: 'Số lượt', kind: 'count' },
      { header: 'Tỉ lệ (%)', kind: 'percent' },
    ],
    rows: r.levels.map((l) => [l.label, l.count, l.percent]),
    totalRow: ['Tổng số lượt đánh giá', r.rated, r.rated > 0 ? 100 : null],
  };

  const officers: DocumentTable = {
    columns: [
      { header: 'STT', kind: 'count' },
      { header: 'Cán bộ', kind: 'text' },
      { header: 'Lượt phục vụ', kind: 'count' },
      { header: 'Phục vụ xong', kind: 'count' },
      { header: 'Chuyển đi', kind: 'count' },
      { header: 'Vắng mặt', kind: 'count' },
      { header: 'Phục vụ TB (phút)', kind: 'minutes' },
      { header: 'Lượt đánh giá', kind: 'count' },
      ...r.levels.map((l) => ({ header: `${l.label} (%)`, kind: 'percent' as const })),
    ],
    rows: report.byStaff
      .filter((m) => m.services.services > 0)
      .map((m, i) => [
        i + 1,
        m.name,
        m.services.services,
        m.services.finished,
        m.services.transfers,
        m.services.absences,
        m.services.serviceTime.averageSeconds === null ? null : m.services.serviceTime.averageSeconds / 60,
        m.services.ratings.rated,
        ...r.levels.map((_, k) => m.services.ratings.levels[k]?.percent ?? null),
      ]),
    totalRow: [
      null,
      'Tổng cộng',
      s.services,
      s.finished,
      s.transfers,
      s.absences,
      s.serviceTime.averageSeconds === null ? null : s.serviceTime.averageSeconds / 60,
      r.rated,
      ...r.levels.map((l) => l.percent),
    ],
  };

  return {
    parentBody: o.parentBody.toLocaleUpperCase('vi'),
    issuer: report.centreName.toLocaleUpperCase('vi'),
    number: `Số: …/BC-${o.documentCode}`,
    nation: NATION,
    motto: MOTTO,
    placeAndDate: `${o.place ? `${o.place}, ` : ''}${viDateInWords(signedOn)}`,
    title: 'BÁO CÁO',
    subtitle: 'Kết quả tiếp công dân, giải quyết thủ tục hành chính và mức độ hài lòng của công dân',
    period: `(từ ngày ${viDateShort(report.from)} đến ngày ${viDateShort(report.to)})`,
    parts: [
      {
        heading: 'I. TÌNH HÌNH TIẾP CÔNG DÂN',
        paragraphs: body.filter((l) => !isSatisfaction(l)),
        table: byField,
        note: `Số lượt phục vụ xong theo kết quả; ${viCount(s.dossiers)} mã hồ sơ được ghi nhận tại quầy.`,
      },
      {
        heading: 'II. MỨC ĐỘ HÀI LÒNG CỦA CÔNG DÂN',
        paragraphs: body.filter(isSatisfaction),
        table: satisfaction,
        note: r.rated > 0 ? `Tỉ lệ tính trên ${viCount(r.rated)} lượt đánh giá; ${viCount(r.notRated)} lượt phục vụ xong không đánh giá.` : 'Chưa có lượt đánh giá nào trong kỳ.',
      },
      {
        heading: 'III. KẾT QUẢ PHỤC VỤ CỦA TỪNG CÁN BỘ',
        paragraphs: [
          `Thời gian chờ mục tiêu được áp dụng theo từng lĩnh vực; ${viPercent(s.serviceLevelPercent)} lượt gọi trong thời gian chờ mục tiêu.`,
        ],
        table: officers,
      },
    ],
    recipients: o.recipients,
    signerTitle: o.signerTitle.toLocaleUpperCase('vi'),
    signerName: o.signerName,
  };
}

/** A cell as the printed page and the .docx write it: "1.463", "4,5", "93,5". */
export function documentCell(value: Cell, kind: CellKind): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (kind === 'minutes') return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  if (kind === 'percent') return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  return viCount(value);
}
