// The city managers' figures: every centre live, and any period as JSON or a workbook.
import { Router, type Request } from 'express';
import { QueueError } from '@protocol/errors';
import { ReportRequestError } from '../../server/reports/periods';
import type { CityContext } from '../context';
import { requireManager } from '../context';
import { handle, sendError } from './handle';

function range(req: Request): { from: string; to: string } {
  const from = String(req.query.from ?? '');
  const to = String(req.query.to ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) throw new QueueError('invalid-payload', [{ path: 'from,to', message: 'Ngày theo dạng YYYY-MM-DD' }]);
  return { from, to };
}

const asQueueError = (err: unknown): unknown => (err instanceof ReportRequestError ? new QueueError('invalid-payload', [{ path: 'from,to', message: err.message }]) : err);

export function reportRoutes(ctx: CityContext): Router {
  const r = Router();
  r.get(
    '/city/today',
    handle(ctx.logger, async (req) => {
      await requireManager(ctx, req);
      return ctx.live.today();
    }),
  );
  r.get(
    '/city/reports',
    handle(ctx.logger, async (req) => {
      await requireManager(ctx, req);
      const { from, to } = range(req);
      return ctx.reports.report(from, to).catch((err) => Promise.reject(asQueueError(err)));
    }),
  );
  r.get('/city/reports/export.xlsx', async (req, res) => {
    try {
      await requireManager(ctx, req);
      const { from, to } = range(req);
      const file = await ctx.reports.xlsx(from, to).catch((err) => Promise.reject(asQueueError(err)));
      res.set({
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="bao-cao-thanh-pho-${from}-${to}.xlsx"`,
      });
      res.send(file);
    } catch (err) {
      sendError(ctx.logger, res, err);
    }
  });
  return r;
}
