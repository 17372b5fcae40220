// Reports for managers: today live, any period as JSON, and the same figures as files.
import { QueueError } from '@protocol/errors';
import type { Report } from '@protocol/reports';
import { presetsContaining, ReportRequestError } from '../../reports/periods';
import { JsonBytes, type Handlers } from '../operation-handler';

/** A report's own refusal (a range backwards or too long) carries its Vietnamese sentence. */
function asQueueError(err: unknown): unknown {
  return err instanceof ReportRequestError ? new QueueError('invalid-payload', [{ path: 'from,to', message: err.message }]) : err;
}

export const reportHandlers: Handlers<'reports:today' | 'reports:counter-today' | 'reports:presets' | 'reports:period' | 'reports:xlsx' | 'reports:docx' | 'reports:csv'> = {
  'reports:today': (ctx) => ({ ...ctx.reports.today(), alerts: ctx.alerts.list(), printer: ctx.printerState() }),
  'reports:counter-today'(ctx, { input: { counterId } }) {
    if (!ctx.centre.get().counters.some((k) => k.id === counterId)) throw new QueueError('unknown-counter');
    return ctx.reports.counterToday(counterId);
  },
  'reports:presets'(ctx, { input: { date } }) {
    // The reports page asks for these as it opens: a manager signed in hours ago picks a
    // period next, and the reports' thread, gone a minute after its last task, starts again.
    void ctx.reports.prepare();
    return presetsContaining(date ?? ctx.queue.state.day);
  },
  'reports:period': (ctx, { input: { from, to } }) =>
    ctx.reports.reportJson(from, to).then(
      ({ bytes, etag }) => new JsonBytes<Report>(bytes, etag),
      (err) => Promise.reject(asQueueError(err)),
    ),
  async 'reports:xlsx'(ctx, { input: { from, to } }) {
    const bytes = await ctx.reports.xlsx(from, to).catch((err) => Promise.reject(asQueueError(err)));
    return { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', attachmentName: `bao-cao-${from}-${to}.xlsx` };
  },
  async 'reports:docx'(ctx, { input: { from, to } }) {
    const bytes = await ctx.reports.docx(from, to).catch((err) => Promise.reject(asQueueError(err)));
    return { bytes, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', attachmentName: `bao-cao-${from}-${to}.docx` };
  },
  async 'reports:csv'(ctx, { input: { from, to, breakdown } }) {
    const text = await ctx.reports.csv(from, to, breakdown).catch((err) => Promise.reject(asQueueError(err)));
    // Laid out for Excel on a Vietnamese Windows: ";" between columns, "," for decimals (docs/reports.md).
    return {
      bytes: text,
      contentType: 'text/csv; charset=utf-8; header=present',
      attachmentName: `bao-cao-${breakdown}-${from}-${to}.csv`,
      headers: { 'x-csv-format': 'separator=";"; decimal=","; date=dd/mm/yyyy; encoding=utf-8 with BOM' },
    };
  },
};
