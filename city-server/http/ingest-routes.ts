// What centres send: closed days and the live figure, each signed by the centre's credential;
// the centre is the one the credential names, so a centre can write only its own facts.
// Days are acknowledged only once committed.
import express, { Router } from 'express';
import { dayFactsBatchSchema, liveFigureSchema } from '@protocol/city';
import { QueueError } from '@protocol/errors';
import type { ZodType } from 'zod';
import type { CityContext } from '../context';
import { requireCentre } from '../context';
import { parseDays } from '../facts/day-facts-store';
import { handle } from './handle';

/** Requests a centre may make a minute: a backlog goes at full speed, a stuck loop is held back. */
export const INGEST_RATES = { days: 240, live: 120, catalogue: 20 } as const;

function parse<T>(schema: ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new QueueError('invalid-payload', r.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })));
  return r.data;
}

export function ingestRoutes(ctx: CityContext): Router {
  const r = Router();
  r.post(
    '/city/ingest/days',
    express.json({ limit: '32mb' }),
    handle(ctx.logger, async (req) => {
      const centreId = requireCentre(ctx, req, INGEST_RATES.days);
      const batch = parse(dayFactsBatchSchema, req.body);
      const days = parseDays(batch.days);
      const results = await ctx.facts.ingest(centreId, batch.profile, days);
      ctx.registry.rememberProfile(centreId, batch.profile);
      ctx.live.noteContact(centreId);
      const stored = new Set(results.filter((x) => x.status === 'stored').map((x) => x.day));
      for (const d of days) if (stored.has(d.day)) ctx.cache.put({ centreId, day: d.day, summary: d.summary });
      ctx.logger.info({ centre: centreId, days: results.length, stored: stored.size }, 'day facts received');
      return { results };
    }),
  );
  r.post(
    '/city/ingest/live',
    express.json({ limit: '256kb' }),
    handle(ctx.logger, async (req) => {
      const centreId = requireCentre(ctx, req, INGEST_RATES.live);
      await ctx.live.put(centreId, parse(liveFigureSchema, req.body));
      return { ok: true };
    }),
  );
  return r;
}
