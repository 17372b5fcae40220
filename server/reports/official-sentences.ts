// The lines a centre copies into its periodic report, worded as those reports word them.
import { viDate } from './calendar-days';
import type { Report } from '@protocol/reports';
import { viCount, viMinutes, viPercent } from './vi-format';

export function officialSentences(report: Omit<Report, 'sentences'>): string[] {
  const t = report.totals;
  const lines = [
    `Kỳ báo cáo: từ ngày ${viDate(report.from)} đến ngày ${viDate(report.to)}`,
    `Tổng số lượt tiếp công dân tại Trụ sở Trung tâm: ${viCount(t.visits)}`,
    `Số lượt công dân đã được phục vụ: ${viCount(t.served)}`,
    `Số lượt công dân vắng mặt khi được gọi số: ${viCount(t.noShows)}`,
    `Số lượt chưa được phục vụ: ${viCount(t.unserved + t.serving)}`,
    `Số lượt ưu tiên: ${viCount(t.priority)}`,
    `Số lượt chuyển lĩnh vực, chuyển quầy: ${viCount(t.transferred)}`,
    `Thời gian chờ trung bình: ${viMinutes(t.wait.averageSeconds)} (trung vị ${viMinutes(t.wait.medianSeconds)}; 90% công dân chờ không quá ${viMinutes(t.wait.p90Seconds)})`,
    `Thời gian phục vụ trung bình: ${viMinutes(t.service.averageSeconds)} (trung vị ${viMinutes(t.service.medianSeconds)})`,
  ];
  for (const f of report.byField) {
    if (f.visits > 0) lines.push(`Lĩnh vực ${f.name}: ${viCount(f.visits)} lượt, đã phục vụ ${viCount(f.served)} lượt`);
  }
  lines.push(`Tổng số lượt đánh giá: ${viCount(t.ratings.rated)}`);
  for (const level of t.ratings.levels) lines.push(`${level.label}: ${viCount(level.count)} (${viPercent(level.percent)})`);
  lines.push(`Số lượt không đánh giá: ${viCount(t.ratings.notRated)}`);
  if (t.ratings.reasons.length > 0) {
    lines.push(`Lý do chưa hài lòng: ${t.ratings.reasons.map((r) => `${r.reason} (${viCount(r.count)})`).join('; ')}`);
  }
  return lines;
}
