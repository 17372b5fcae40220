// config.json's format and its migrations. The next change to the configuration's shape
// adds a step here (and raises `current`); test/server/stored-formats.test.ts and the fixtures
// under test/fixtures/ show that every older centre's file still opens.
import { centreConfigSchema, type CentreConfig } from '@protocol/config';
import type { StoredDocument, StoredFormat } from '../store/stored-format';

type Interval = [string, string];

const isObject = (x: unknown): x is StoredDocument => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInterval = (x: unknown): x is Interval => Array.isArray(x) && x.length === 2 && x.every((t) => typeof t === 'string');
const unique = <T>(xs: T[], key: (x: T) => unknown = (x) => x) => xs.filter((x, i) => xs.findIndex((y) => key(y) === key(x)) === i);
const realDay = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
};

/** Overlapping or unordered shifts of one day, merged: the hours a kiosk was open stay the same. */
function mergeShifts(intervals: unknown): unknown {
  if (!Array.isArray(intervals) || !intervals.every(isInterval)) return intervals;
  const sorted = [...intervals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: Interval[] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from < last[1]) last[1] = to > last[1] ? to : last[1];
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * Format 1 (release 0.1.0, no "format" field) → 2: the second backup location is new (empty,
 * that is off), and what 0.1.0 accepted but format 2 refuses is repaired without changing what
 * the centre does: overlapping shifts merged, duplicate and impossible holidays dropped (0.1.0
 * never matched them), a field listed twice at one counter listed once, duplicate priority
 * categories and reasons kept once (0.1.0 used the first), voice devices that are not central
 * displays dropped (they never played), a reason list for a level that asks for one (the level
 * could not be chosen without it), and hours enforced on no day at all turned off.
 */
function fromRelease010(doc: StoredDocument): StoredDocument {
  const out: StoredDocument = { ...doc };
  if (isObject(doc.backup)) out.backup = { ...doc.backup, secondLocation: '' };
  if (isObject(doc.openingHours)) {
    const hours: StoredDocument = { ...doc.openingHours };
    if (Array.isArray(hours.weekly)) hours.weekly = hours.weekly.map(mergeShifts);
    if (Array.isArray(hours.holidays)) hours.holidays = unique(hours.holidays).filter((d) => typeof d !== 'string' || realDay(d));
    if (hours.enforce === true && Array.isArray(hours.weekly) && hours.weekly.every((d) => Array.isArray(d) && d.length === 0)) hours.enforce = false;
    out.openingHours = hours;
  }
  if (Array.isArray(doc.counters)) {
    out.counters = doc.counters.map((c) => (isObject(c) && Array.isArray(c.serviceIds) ? { ...c, serviceIds: unique(c.serviceIds) } : c));
  }
  if (Array.isArray(doc.priorityCategories)) out.priorityCategories = unique(doc.priorityCategories, (p) => (isObject(p) ? p.id : p));
  if (isObject(doc.rating)) {
    const rating: StoredDocument = { ...doc.rating };
    if (Array.isArray(rating.reasons)) rating.reasons = unique(rating.reasons);
    const asks = Array.isArray(rating.levels) && rating.levels.some((l) => isObject(l) && l.asksReason === true);
    if (asks && Array.isArray(rating.reasons) && rating.reasons.length === 0) rating.reasons = ['Khác'];
    out.rating = rating;
  }
  if (isObject(doc.voice) && Array.isArray(doc.voice.playOnDeviceIds) && Array.isArray(doc.devices)) {
    const centralDisplays = new Set(doc.devices.filter((d) => isObject(d) && d.role === 'central-display').map((d) => (d as StoredDocument).id));
    out.voice = { ...doc.voice, playOnDeviceIds: unique(doc.voice.playOnDeviceIds).filter((id) => centralDisplays.has(id)) };
  }
  return out;
}

export const configFormat: StoredFormat<CentreConfig> = {
  current: 2,
  upgrades: { 1: fromRelease010 },
  parse: (doc) => centreConfigSchema.parse(doc),
};
