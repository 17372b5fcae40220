// What a centre sends the city and what the city answers: the one contract between the
// centre's link (server/city-link/) and the city server (city-server/). A centre pushes,
// the city never reaches in. Every message is idempotent: a day's facts are keyed by
// (centre, day, version), so a repeat or a re-sent day after a restore never counts twice.
import { z } from 'zod';
import type { RatingFigures, TimeFigures, VisitFigures } from './reports';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD');
const fieldId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

/** A centre's id at the city: short, readable in a URL and a log ("phuong-hong-bang"). */
export const centreIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/, 'Mã trung tâm: chữ thường không dấu, số và "-", 2–48 ký tự');

/** What the city needs to name a centre's fields and rating levels as the centre does. */
export const centreProfileSchema = z.object({
  name: z.string().min(1).max(120),
  timeZone: z.string().min(1).max(60),
  services: z.array(z.object({ id: fieldId, name: z.string().min(1).max(80), active: z.boolean() })).max(200),
  ratingLevels: z
    .array(z.object({ score: z.number().int().min(1).max(10), label: z.string().min(1).max(40), asksReason: z.boolean() }))
    .min(1)
    .max(10),
});
export type CentreProfile = z.infer<typeof centreProfileSchema>;

/**
 * One closed day's facts: the centre's day summary exactly as it stores it (one row per ticket:
 * field, outcome, waits, service time, rating; no citizen's name), its own format number inside.
 * version grows whenever the day's facts change (the size of the journal they come from), so the
 * city keeps the highest version and ignores a repeat.
 */
export const dayFactsSchema = z.object({
  day: isoDay,
  version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  summary: z.string().min(2).max(16 * 1024 * 1024),
});
export type DayFacts = z.infer<typeof dayFactsSchema>;

/** Days sent in one request; a backlog goes in several. */
export const MAX_DAYS_PER_BATCH = 31;

export const dayFactsBatchSchema = z.object({
  profile: centreProfileSchema,
  days: z.array(dayFactsSchema).min(1).max(MAX_DAYS_PER_BATCH),
});
export type DayFactsBatch = z.infer<typeof dayFactsBatchSchema>;

/** stored: new or newer than what the city had; duplicate: the same version again; superseded: the city has a newer one. */
export type DayFactsStatus = 'stored' | 'duplicate' | 'superseded';
export interface DayFactsAck {
  results: { day: string; version: number; status: DayFactsStatus }[];
}

/** One field's figures right now, as counts the city can add up across centres. */
export const liveFieldSchema = z.object({
  serviceId: fieldId,
  name: z.string().min(1).max(80),
  waiting: z.number().int().min(0),
  serving: z.number().int().min(0),
  served: z.number().int().min(0),
  visits: z.number().int().min(0),
  /** Called tickets and the sum of their waits (issue → first call), for an average that adds up. */
  waitCount: z.number().int().min(0),
  waitSumSeconds: z.number().min(0),
  rated: z.number().int().min(0),
  /** Rated at a level that does not ask for a reason ("Rất hài lòng", "Hài lòng"). */
  satisfied: z.number().int().min(0),
});
export type LiveField = z.infer<typeof liveFieldSchema>;

/** Sent every few seconds; the newest `at` wins. */
export const liveFigureSchema = z.object({
  day: isoDay,
  at: z.number().int().positive(),
  /** Closed days not yet acknowledged by the city, as the centre counts them. */
  backlogDays: z.number().int().min(0),
  fields: z.array(liveFieldSchema).max(200),
});
export type LiveFigure = z.infer<typeof liveFigureSchema>;

/** The city's procedure catalogue as centres pull it; `version` changes with every import. */
export interface CityCatalogueHead {
  version: number;
  importedAt: string;
  filename: string;
  count: number;
}

// ---- The centre's managers' app: the link as they see it ----

/** PUT /api/city-link on a centre, and the centre's city-link.json: the city's address and the credential it issued. */
export const cityLinkSettingsSchema = z.object({
  url: z.string().trim().max(300),
  token: z.string().trim().max(200),
});

/** GET /api/city-link on a centre. */
export interface CityLinkState {
  url: string;
  tokenSet: boolean;
  source: 'app' | 'env' | 'none';
  /** off: not configured; connecting: configured, no answer yet; ok; failing: the last round failed. */
  status: 'off' | 'connecting' | 'ok' | 'failing';
  problem: string | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  backlogDays: number;
  /** Days the city refused (shown until the next start, when they are tried again). */
  refused: { day: string; message: string }[];
  catalogue: { version: number; error: string | null };
}

// ---- The city managers' app ----

export const newCentreSchema = z.object({ id: centreIdSchema, name: z.string().trim().min(1).max(120) });

export interface CityCentre {
  id: string;
  name: string;
  createdAt: number;
  /** Revoked centres keep their figures but can send nothing more. */
  revoked: boolean;
  lastContactAt: number | null;
  /** Closed days the centre still has to send, as it said last time. */
  backlogDays: number | null;
  /** Heard from within the last minute. */
  online: boolean;
  /** Newest closed day the city holds. */
  lastDay: string | null;
  days: number;
}

/** A centre's credential, shown once: the city keeps only its hash. */
export interface NewCentreToken {
  id: string;
  token: string;
}

export interface LiveLine {
  serviceId: string;
  name: string;
  waiting: number;
  serving: number;
  served: number;
  visits: number;
  averageWaitSeconds: number | null;
  rated: number;
  /** Share of rated tickets at a satisfied level, 0–100; null when nobody rated. */
  satisfactionPercent: number | null;
}

export interface CityTodayCentre {
  id: string;
  name: string;
  online: boolean;
  /** When the centre's figure was taken (its clock). */
  at: number | null;
  day: string | null;
  totals: Omit<LiveLine, 'serviceId' | 'name'>;
  fields: LiveLine[];
}

export interface CityToday {
  at: number;
  totals: Omit<LiveLine, 'serviceId' | 'name'>;
  /** Every field across the city, summed over the centres that are online. */
  byField: LiveLine[];
  centres: CityTodayCentre[];
}

/**
 * A centre's report figures (protocol/reports.ts) that add up across centres: visits by the
 * field they ended in, and the service time and ratings of the services given in a field.
 */
export interface CityFigures {
  visits: VisitFigures;
  /** Call → end of the services that finished or passed the citizen on. */
  serviceTime: TimeFigures;
  /** Ratings of the visits finished in the field. */
  ratings: RatingFigures;
}

export interface CityRow extends CityFigures {
  key: string;
  name: string;
}

/** The city's report (GET /api/city/reports): those figures for the whole city, each centre, each field, and each centre's fields. */
export interface CityCentreFieldRow extends CityRow {
  centreId: string;
  centreName: string;
}

export interface CityReport {
  from: string;
  to: string;
  generatedAt: number;
  /** Centre-days in the range the city holds facts for. */
  daysWithData: number;
  totals: CityFigures;
  /** key = the centre's id. A centre's line equals that centre's own report totals. */
  byCentre: CityRow[];
  /** key = the field's id, summed over every centre that has it. */
  byField: CityRow[];
  /** A centre's lines equal that centre's own report by field. */
  byCentreField: CityCentreFieldRow[];
}
