// The lines a centre copies into its periodic report, worded as those reports word them.
import { viDateShort } from '@protocol/vi-format';
import type { OutcomeCount, Report } from '@protocol/reports';
import { viCount, viMinutes, viPercent } from '@protocol/vi-format';

/** "Tiếp nhận hồ sơ: 1.463 lượt (1.520 mã hồ sơ)" */
function outcomeText(o: OutcomeCount): string {
  const dossiers = o.dossiers > 0 ? ` (${viCount(o.dossiers)} mã hồ sơ)` : '';
  return `${o.label}: ${viCount(o.count)} lượt${dossiers}`;
}

export function officialSentences(report: Omit<Report, 'sentences'>): string[] {
  const v = report.totals.visits;
  const s = report.totals.services;
  const r = s.ratings;
  const lines = [
    `Kỳ báo cáo: từ ngày ${viDateShort(report.from)} đến ngày ${viDateShort(report.to)}.`,
    `Tổng số lượt tiếp công dân tại Trụ sở Trung tâm: ${viCount(v.visits)} lượt; trong đó đã được phục vụ xong ${viCount(v.served)} lượt, vắng mặt khi được gọi số ${viCount(v.absent)} lượt, chưa được phục vụ ${viCount(v.unserved + v.serving)} lượt; số lượt ưu tiên: ${viCount(v.priority)}.`,
    `Kết quả phục vụ theo nội dung: ${s.outcomes.filter((o) => o.count > 0 || o.id !== '').map(outcomeText).join('; ')}.`,
  ];
  for (const f of report.byField) {
    if (f.visits.visits === 0 && f.services.services === 0) continue;
    const detail = f.services.outcomes.filter((o) => o.count > 0).map((o) => `${o.label.toLocaleLowerCase('vi')} ${viCount(o.count)}`);
    lines.push(
      `Lĩnh vực ${f.name}: ${viCount(f.visits.visits)} lượt tiếp công dân, ${viCount(f.services.finished)} lượt phục vụ xong${detail.length > 0 ? ` (${detail.join(', ')})` : ''}.`,
    );
  }
  lines.push(
    `Số lượt chuyển lĩnh vực, chuyển quầy: ${viCount(s.transfers)} (${viCount(v.transferred)} lượt công dân được chuyển).`,
    `Thời gian chờ trung bình: ${viMinutes(v.wait.averageSeconds)} (trung vị ${viMinutes(v.wait.medianSeconds)}; 90% công dân chờ không quá ${viMinutes(v.wait.p90Seconds)}); ${viPercent(s.serviceLevelPercent)} lượt gọi trong thời gian chờ mục tiêu.`,
    `Thời gian phục vụ trung bình: ${viMinutes(s.serviceTime.averageSeconds)} (trung vị ${viMinutes(s.serviceTime.medianSeconds)}).`,
    `Mức độ hài lòng: Tổng số lượt đánh giá: ${viCount(r.rated)}; ${r.levels.map((l) => `${l.label}: ${viCount(l.count)} lượt (${viPercent(l.percent)})`).join('; ')}; số lượt không đánh giá: ${viCount(r.notRated)}.`,
  );
  if (r.reasons.length > 0) lines.push(`Lý do chưa hài lòng: ${r.reasons.map((x) => `${x.reason} (${viCount(x.count)})`).join('; ')}.`);
  return lines;
}
