// One journal line. Format 2 (this release): the event's JSON with a CRC-32 of that JSON as
// its last key, `{…,"crc":"1a2b3c4d"}`, so a line stays plain JSON for anyone reading the
// file while a flipped byte, a zeroed sector or a half-written line is told from a good one.
// Format 1 (earlier releases): the event's JSON alone. A day's file may start in format 1
// and go on in format 2 (the server upgraded during the day), never the other way round.
import { crc32 } from 'node:zlib';
import type { QueueEvent } from '@protocol/queue';

export const JOURNAL_FORMAT = 2;

const CRC_SUFFIX = /,"crc":"([0-9a-f]{8})"\}$/;
const CRC_SUFFIX_LENGTH = ',"crc":"00000000"}'.length;

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

export function formatJournalLine(event: QueueEvent): string {
  const json = JSON.stringify(event);
  return `${json.slice(0, -1)},"crc":"${hex(crc32(json))}"}\n`;
}

export type ParsedLine = { ok: true; event: QueueEvent; format: 1 | 2 } | { ok: false; reason: string };

function asEvent(value: unknown): QueueEvent | null {
  const e = value as QueueEvent | null;
  return e && typeof e === 'object' && Number.isSafeInteger(e.seq) && e.seq > 0 && typeof e.type === 'string' && typeof e.at === 'number' ? e : null;
}

/** Reads one line (without its newline). `allowFormat1`: no checksummed line came before it. */
export function parseJournalLine(line: string, allowFormat1: boolean): ParsedLine {
  const m = CRC_SUFFIX.exec(line);
  if (m) {
    const json = `${line.slice(0, -CRC_SUFFIX_LENGTH)}}`;
    if (hex(crc32(json)) !== m[1]) return { ok: false, reason: 'checksum' };
    try {
      const event = asEvent(JSON.parse(json));
      return event ? { ok: true, event, format: 2 } : { ok: false, reason: 'not an event' };
    } catch {
      return { ok: false, reason: 'not JSON' };
    }
  }
  if (!allowFormat1) return { ok: false, reason: 'no checksum' };
  try {
    const event = asEvent(JSON.parse(line));
    return event ? { ok: true, event, format: 1 } : { ok: false, reason: 'not an event' };
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
}

/** What a damaged line still says: its type, sequence number and ticket number, where legible. */
export function numbersInDamagedLine(line: string): { type?: string; seq?: number; ticket?: { serviceId: string; number: number } } {
  const type = /^\{"type":"([a-z.-]+)"/.exec(line);
  const seq = /"seq":(\d{1,15}),"at":/.exec(line);
  const ticket = /"number":(\d{1,9}),"label":"(?:[^"\\]|\\.)*","serviceId":"([^"\\]+)"/.exec(line);
  return {
    ...(type ? { type: type[1] } : {}),
    ...(seq ? { seq: Number(seq[1]) } : {}),
    ...(ticket ? { ticket: { serviceId: ticket[2], number: Number(ticket[1]) } } : {}),
  };
}
