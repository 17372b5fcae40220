// A line of today's journal damaged while the server was stopped (a sector gone bad, a line
// cut in half, bytes flipped) at random places: the damage is copied aside and reported to
// managers, every other confirmed ticket is still there after the restart, and the next
// ticket takes a number above every number ever written to the file.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../server/simulator/seeded-random';
import { ackedTicketProblems, issuedInJournal, type AckedTicket } from '../support/acked-tickets';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Damage = 'cut-in-half' | 'flipped-byte' | 'zeroed';

function damage(line: string, how: Damage, at: number): string {
  switch (how) {
    case 'cut-in-half':
      return line.slice(0, Math.floor(line.length / 2));
    case 'flipped-byte': {
      const i = Math.min(line.length - 2, 1 + Math.floor(at * (line.length - 2)));
      return line.slice(0, i) + String.fromCharCode(line.charCodeAt(i) ^ 0x04) + line.slice(i + 1);
    }
    case 'zeroed':
      return '\0'.repeat(line.length);
  }
}

describe('a damaged line in the middle of the journal', () => {
  it.each([1, 2, 3, 4, 5])('is quarantined and reported; every other confirmed ticket stays and no number is reused (trial %i)', async (trial) => {
    const rng = seededRandom(`damaged-journal:${trial}`);
    server = await startTestServer();
    const dataDir = server.dataDir;
    const admin = await server.login();
    const acked: AckedTicket[] = [];
    for (let i = 0; i < 120; i++) {
      const r = await server.http('POST', '/api/tickets', { serviceId: i % 3 === 0 ? 'ho-tich' : 'chung-thuc' }, admin);
      expect(r.status).toBe(201);
      acked.push({ id: r.body.id, label: r.body.label });
    }
    const day = server.app.ctx.queue.state.day;
    const eventsBefore = server.app.ctx.queue.state.seq;
    await server.close({ keepData: true });

    const file = join(dataDir, 'journal', `${day}.jsonl`);
    const lines = (await readFile(file, 'utf8')).split('\n');
    // A ticket line anywhere but the first (the day's opening) or the last.
    // The last trial damages the last line of its field, so only the damaged line itself
    // holds the highest number of that field.
    const lastHoTich = lines.findLastIndex((l, i) => i < lines.length - 2 && l.includes('"serviceId":"ho-tich"'));
    const index = trial === 5 ? lastHoTich : 2 + Math.floor(rng.next() * (lines.length - 5));
    const hows: Damage[] = ['cut-in-half', 'flipped-byte', 'zeroed'];
    const how = hows[Math.floor(rng.next() * hows.length)];
    const original = lines[index];
    lines[index] = damage(original, how, rng.next());
    await writeFile(file, lines.join('\n'));
    const lostTicket = (JSON.parse(original) as { ticket: { id: string; label: string } }).ticket;

    server = await startTestServer({ dataDir });
    const state = server.app.ctx.queue.state;
    const kept = acked.filter((t) => t.id !== lostTicket.id);
    const missing = kept.filter((t) => state.tickets[t.id]?.label !== t.label);
    console.log(`damaged line ${index + 1} of ${lines.length - 1} (${how}): ${state.seq} events numbered after restart (was ${eventsBefore}), ${kept.length - missing.length} of ${kept.length} other confirmed tickets kept`);
    expect(missing).toEqual([]);
    expect(state.seq).toBeGreaterThanOrEqual(eventsBefore);

    // Reported to managers, and a copy of the damaged line set aside (the journal itself is never rewritten).
    const alerts = (await server.http('GET', '/api/reports/today', undefined, admin)).body.alerts as { kind: string; message: string }[];
    expect(alerts.filter((a) => a.kind === 'storage').map((a) => a.message).join(' ')).toMatch(/hỏng/);
    const copies = (await readdir(join(dataDir, 'quarantine'))).filter((f) => f.startsWith(`${day}-line${index + 1}-`));
    expect(copies).toHaveLength(1);
    const copied = await readFile(join(dataDir, 'quarantine', copies[0]), 'utf8');
    expect(copied).toContain(lines[index]);

    // Numbering carries on above every number in the file, the damaged one included.
    for (const serviceId of ['ho-tich', 'chung-thuc']) {
      const r = await server.http('POST', '/api/tickets', { serviceId }, admin);
      expect(r.status).toBe(201);
      acked.push({ id: r.body.id, label: r.body.label });
    }
    const usedLabels = new Set([...kept.map((t) => t.label), lostTicket.label]);
    expect(acked.slice(-2).filter((t) => usedLabels.has(t.label))).toEqual([]);
    expect(server.app.ctx.queue.state.seq).toBeGreaterThan(eventsBefore);
    const problems = ackedTicketProblems(
      acked.filter((t) => t.id !== lostTicket.id),
      await issuedInJournal(dataDir, day),
    );
    expect(problems).toEqual([]);
  });
});
