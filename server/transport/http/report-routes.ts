// Reports for managers: today live, any period as JSON, and the same figures as files.
import { Router, type Request } from 'express';
import { QueueError } from '@protocol/errors';
import type { AppContext } from '../../application/context';
import { presetsContaining, ReportRequestError } from '../../reports/periods';
import type { ReportService } from '../../reports/report-service';
import { caller, handle, requireRole, sendError } from './handle';

function range(req: Request): { from: string; to: string } {
  const from = String(req.query.from ?? '');
  const to = String(req.query.to ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) {
    throw new QueueError('invalid-payload', [{ path: 'from,to', message: 'Ngày theo dạng YYYY-MM-DD' }]);
  }
  return { from, to };
}

/** A report's own refusal (a range backwards or too long) carries its Vietnamese sentence. */
function asQueueError(err: unknown): unknown {
  return err instanceof ReportRequestError ? new QueueError('invalid-payload', [{ path: 'from,to', message: err.message }]) : err;
}

export function reportRoutes(ctx: AppContext, reports: ReportService): Router {
  const r = Router();
  r.get(
    '/reports/today',
    handle(ctx, (_req, c) => {
      requireRole(c, 'manager');
      return { ...reports.today(), alerts: ctx.alerts.list(), printer: ctx.printerState() };
    }),
  );
  r.get(
    '/counters/:id/today',
    handle(ctx, (req, c) => {
      const counterId = Number(req.params.id);
      if (!Number.isInteger(counterId) || counterId <= 0) throw new QueueError('unknown-counter');
      // The console's own figures: its officer, or a manager.
      requireRole(c, 'manager', 'staff');
      if (c.who.role === 'staff' && c.who.counterId !== counterId) throw new QueueError('not-your-counter');
      if (!ctx.centre.get().counters.some((k) => k.id === counterId)) throw new QueueError('unknown-counter');
      return reports.counterToday(counterId);
    }),
  );
  r.get(
    '/reports/presets',
    handle(ctx, (req, c) => {
      requireRole(c, 'manager');
      const day = typeof req.query.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.query.date) ? req.query.date : ctx.queue.state.day;
      return presetsContaining(day);
    }),
  );
  r.get(
    '/reports',
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      const { from, to } = range(req);
      return reports.report(from, to).catch((err) => Promise.reject(asQueueError(err)));
    }),
  );
  // The workbook and the Word report: a whole period in one file each.
  const files = [
    { ext: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', make: reports.xlsx },
    { ext: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', make: reports.docx },
  ] as const;
  for (const file of files) {
    r.get(`/reports/export.${file.ext}`, async (req, res) => {
      try {
        requireRole(caller(ctx, req), 'manager');
        const { from, to } = range(req);
        const bytes = await file.make(from, to).catch((err) => Promise.reject(asQueueError(err)));
        res.set({ 'content-type': file.type, 'content-disposition': `attachment; filename="bao-cao-${from}-${to}.${file.ext}"` });
        res.send(bytes);
      } catch (err) {
        sendError(ctx, res, err);
      }
    });
  }
  r.get('/reports/export.csv', async (req, res) => {
    try {
      requireRole(caller(ctx, req), 'manager');
      const { from, to } = range(req);
      const table = String(req.query.breakdown ?? 'field');
      const text = await reports.csv(from, to, table).catch((err) => Promise.reject(asQueueError(err)));
      // Laid out for Excel on a Vietnamese Windows: ";" between columns, "," for decimals (docs/reports.md).
      res.set({
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="bao-cao-${table}-${from}-${to}.csv"`,
        'x-csv-format': 'separator=";"; decimal=","; date=dd/mm/yyyy; encoding=utf-8 with BOM',
      });
      res.send(text);
    } catch (err) {
      sendError(ctx, res, err);
    }
  });
  return r;
}
