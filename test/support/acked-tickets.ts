// The end of every fault test: each ticket a client was told about is in the day's journal
// exactly once, and no number was handed out twice. The journal is read here line by line
// with JSON.parse, independently of the server's own reader.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface AckedTicket {
  id: string;
  label: string;
}

interface IssuedLine {
  id: string;
  label: string;
}

export async function issuedInJournal(dataDir: string, day: string): Promise<IssuedLine[]> {
  const text = await readFile(join(dataDir, 'journal', `${day}.jsonl`), 'utf8').catch(() => '');
  const issued: IssuedLine[] = [];
  for (const line of text.split('\n')) {
    let e: { type?: string; ticket?: { id: string; label: string } };
    try {
      e = JSON.parse(line);
    } catch {
      continue; // a damaged line: the checks below say what is missing
    }
    if (e.type === 'ticket.issued' && e.ticket) issued.push({ id: e.ticket.id, label: e.ticket.label });
  }
  return issued;
}

/** Every problem found, in words; empty when all is well. */
export function ackedTicketProblems(acked: readonly AckedTicket[], issued: readonly IssuedLine[]): string[] {
  const problems: string[] = [];
  const timesById = new Map<string, number>();
  for (const t of issued) timesById.set(t.id, (timesById.get(t.id) ?? 0) + 1);
  const lost = acked.filter((t) => !timesById.has(t.id));
  if (lost.length) problems.push(`${lost.length} acknowledged tickets are not in the journal (e.g. ${lost.slice(0, 5).map((t) => t.label).join(', ')})`);
  const twice = [...timesById].filter(([, n]) => n > 1);
  if (twice.length) problems.push(`${twice.length} tickets are in the journal more than once`);
  const labelCount = (list: readonly { label: string }[]) => {
    const m = new Map<string, number>();
    for (const t of list) m.set(t.label, (m.get(t.label) ?? 0) + 1);
    return [...m].filter(([, n]) => n > 1);
  };
  const ackedTwice = labelCount(acked);
  if (ackedTwice.length) problems.push(`${ackedTwice.length} numbers were confirmed more than once (e.g. ${ackedTwice.slice(0, 3).map(([l, n]) => `${l} ×${n}`).join(', ')})`);
  const journalTwice = labelCount(issued);
  if (journalTwice.length) problems.push(`${journalTwice.length} numbers are in the journal more than once (e.g. ${journalTwice.slice(0, 3).map(([l, n]) => `${l} ×${n}`).join(', ')})`);
  return problems;
}
