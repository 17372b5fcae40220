// Names of backup files and folders, stamped with the centre's local time: a manager who
// makes a backup at 03:46 on 02/12 must find "…2026-12-02-03-46-…", not the UTC day before.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** "2026-12-02-03-46-05-123": sorts in time order, safe in every file system, unique to the millisecond. */
export function localStamp(now: number, timeZone: string): string {
  const p: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(now))) p[part.type] = part.value;
  const ms = String(((now % 1000) + 1000) % 1000).padStart(3, '0');
  return `${p.year}-${p.month}-${p.day}-${p.hour}-${p.minute}-${p.second}-${ms}`;
}

export const backupFileName = (now: number, timeZone: string) => `sao-luu-${localStamp(now, timeZone)}.tar.gz`;
export const keptBeforeRestoreName = (now: number, timeZone: string) => `truoc-khi-khoi-phuc-${localStamp(now, timeZone)}`;
