import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '@protocol/queue';
import { formatJournalLine } from './journal-line';
import { parseJournal } from './journal-reader';

const issued = (seq: number, number: number): QueueEvent => ({
  type: 'ticket.issued',
  seq,
  at: 1_764_000_000_000 + seq,
  ticket: { id: `t${seq}`, number, label: String(number), serviceId: 'ho-tich', priority: false, source: 'api' },
});
const format1 = (e: QueueEvent) => `${JSON.stringify(e)}\n`;
const read = (text: string) => parseJournal(Buffer.from(text));

describe('reading a journal', () => {
  it('reads an older release\'s lines without checksums, and a day that went on in the new format after an upgrade', () => {
    const r = read(format1(issued(1, 2001)) + format1(issued(2, 2002)) + formatJournalLine(issued(3, 2003)));
    expect(r.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(r.damaged).toEqual([]);
  });

  it('takes a line without a checksum after a checksummed one as damaged', () => {
    const r = read(formatJournalLine(issued(1, 2001)) + format1(issued(2, 2002)) + formatJournalLine(issued(3, 2003)));
    expect(r.events.map((e) => e.seq)).toEqual([1, 3]);
    expect(r.damaged.map((d) => [d.line, d.reason])).toEqual([[2, 'no checksum']]);
  });

  it('keeps every event after a damaged line, and numbering above what the damaged line still shows', () => {
    const good = [1, 2, 3, 4].map((s) => formatJournalLine(issued(s, 2000 + s)));
    good[3] = good[3].replace('"t4"', '"t5"'); // the checksum no longer matches
    const r = read(good.join(''));
    expect(r.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(r.floor).toEqual({ seq: 4, damagedNumbers: [{ serviceId: 'ho-tich', number: 2004 }], illegibleTickets: 0 });
  });

  it('counts a line nobody can read as one that may have issued a ticket', () => {
    const r = read(formatJournalLine(issued(1, 2001)) + '\0'.repeat(120) + '\n' + formatJournalLine(issued(3, 2003)));
    expect(r.events.map((e) => e.seq)).toEqual([1, 3]);
    expect(r.floor.illegibleTickets).toBe(1);
  });

  it('sets a repeated sequence number aside instead of folding it twice', () => {
    const r = read(formatJournalLine(issued(1, 2001)) + formatJournalLine(issued(2, 2002)) + formatJournalLine(issued(2, 2002)));
    expect(r.events).toHaveLength(2);
    expect(r.damaged.map((d) => d.reason)).toEqual(['sequence out of order']);
  });

  it('leaves an unfinished last line out, as a write that was never confirmed', () => {
    const whole = formatJournalLine(issued(1, 2001));
    const r = read(whole + formatJournalLine(issued(2, 2002)).slice(0, 40));
    expect(r.events).toHaveLength(1);
    expect(r.tornBytes).toBe(40);
    expect(r.wholeLength).toBe(Buffer.byteLength(whole));
  });
});
