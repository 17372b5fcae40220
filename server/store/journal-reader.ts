// Reads a day's journal line by line. A damaged line (bad checksum, not JSON, a number out
// of order) is set aside and reading goes on: one bad sector must not cost the events after
// it. Only the bytes after the last newline are a torn write: a batch is acknowledged once
// its last newline is on disk, so an unfinished line was never confirmed to anyone.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { QueueEvent } from '@protocol/queue';
import { numbersInDamagedLine, parseJournalLine } from './journal-line';

export interface DamagedLine {
  /** Byte offset of the line in the file, and its line number (1-based). */
  offset: number;
  line: number;
  reason: string;
  /** The line's raw bytes, as found. */
  bytes: Buffer;
}

/** What numbering must stay above beyond the good events: what damaged lines still show. */
export interface NumberingFloor {
  /** Highest sequence number of any line, valid or not. */
  seq: number;
  /** Ticket numbers legible in damaged lines (not to be trusted blindly: a flipped digit). */
  damagedNumbers: { serviceId: string; number: number }[];
  /** Damaged lines that may have issued a ticket whose number cannot be read. */
  illegibleTickets: number;
}

export interface JournalContents {
  events: QueueEvent[];
  damaged: DamagedLine[];
  /** Bytes of an unfinished last line (0 if none). */
  tornBytes: number;
  /** Byte length of the file up to its last newline: where the next line goes. */
  wholeLength: number;
  floor: NumberingFloor;
}

export function journalFile(dataDir: string, day: string): string {
  return join(dataDir, 'journal', `${day}.jsonl`);
}

const NEWLINE = 0x0a;

export function parseJournal(bytes: Buffer): JournalContents {
  const events: QueueEvent[] = [];
  const damaged: DamagedLine[] = [];
  const floor: NumberingFloor = { seq: 0, damagedNumbers: [], illegibleTickets: 0 };
  let checksummed = false;
  let offset = 0;
  let lineNo = 0;
  while (offset < bytes.length) {
    const nl = bytes.indexOf(NEWLINE, offset);
    if (nl < 0) break;
    lineNo++;
    const raw = bytes.subarray(offset, nl);
    const text = raw.toString('utf8');
    const parsed = parseJournalLine(text, !checksummed);
    if (parsed.ok && parsed.event.seq > floor.seq) {
      if (parsed.format === 2) checksummed = true;
      events.push(parsed.event);
      floor.seq = parsed.event.seq;
    } else if (raw.length > 0) {
      damaged.push({ offset, line: lineNo, reason: parsed.ok ? 'sequence out of order' : parsed.reason, bytes: Buffer.from(raw) });
    }
    offset = nl + 1;
  }
  // What damaged lines still show counts too, so no label is ever handed out twice.
  for (const d of damaged) {
    const seen = numbersInDamagedLine(d.bytes.toString('utf8'));
    if (seen.seq !== undefined) floor.seq = Math.max(floor.seq, seen.seq);
    if (seen.ticket) floor.damagedNumbers.push(seen.ticket);
    else if (seen.type === undefined || seen.type === 'ticket.issued') floor.illegibleTickets++;
  }
  return { events, damaged, tornBytes: bytes.length - offset, wholeLength: offset, floor };
}

/** A day's journal as it is on disk (nothing changed); no file reads as an empty day. */
export async function readJournal(file: string): Promise<JournalContents> {
  try {
    return parseJournal(await readFile(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return parseJournal(Buffer.alloc(0));
    throw err;
  }
}
