// Calendar arithmetic on local days written YYYY-MM-DD. Days are plain dates with no time
// zone: Date.UTC is used only as a calendar, so no server zone or DST can shift a day.
import { localTime } from '@protocol/local-time';

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real date (2026-02-30 is not). */
export function isIsoDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return toIsoDay(ms) === text;
}

function toIsoDay(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

function utcMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The day for year/month/date; months and dates out of range roll over (month 0 = last December). */
export function makeDay(year: number, month: number, date: number): string {
  return toIsoDay(Date.UTC(year, month - 1, date));
}

export function addDays(day: string, n: number): string {
  return toIsoDay(utcMs(day) + n * DAY_MS);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMs(b) - utcMs(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay and the opening hours use. */
export function weekdayOf(day: string): number {
  return new Date(utcMs(day)).getUTCDay();
}

/** Every day from `from` to `to`, both included. */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** 15/03/2026 — how Vietnamese documents write a date. */
export function viDate(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** The epoch ms of local midnight starting the day in the zone. */
export function localMidnight(day: string, timeZone: string): number {
  const asUtc = utcMs(day);
  let guess = asUtc;
  // Two rounds settle the zone offset even when it changes near midnight.
  for (let i = 0; i < 2; i++) {
    const t = localTime(guess, timeZone);
    const seenAsUtc = utcMs(t.day) + (t.hour * 60 + Number(t.hhmm.slice(3))) * 60_000;
    guess += asUtc - seenAsUtc;
  }
  return guess;
}

/** Epoch ms of a local clock time ("07:30") on a day. */
export function localClock(day: string, hhmm: string, timeZone: string): number {
  return localMidnight(day, timeZone) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60_000;
}

