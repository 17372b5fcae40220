// The centre's local calendar. Numbering restarts on the centre's day, not the server's
// UTC day, so every "what day is it" question goes through here with the zone from config.

export interface LocalTime {
  /** YYYY-MM-DD */
  day: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** HH:MM */
  hhmm: string;
  hour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function localTime(now: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(now))) parts[p.type] = p.value;
  const hour = Number(parts.hour);
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday),
    hhmm: `${parts.hour}:${parts.minute}`,
    hour,
  };
}

// Every command asks which day it is; the answer only changes at a minute boundary, and
// formatting a date in a zone costs more than the rest of deciding a command.
let lastDay = { minute: -1, timeZone: '', day: '' };

export function localDay(now: number, timeZone: string): string {
  const minute = Math.floor(now / 60_000);
  if (minute !== lastDay.minute || timeZone !== lastDay.timeZone) lastDay = { minute, timeZone, day: localTime(now, timeZone).day };
  return lastDay.day;
}
