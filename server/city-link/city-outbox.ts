// The days the city has acknowledged, and so the days still to send: every closed day whose
// summary is at a version the city has not confirmed. The record is written durably after
// each acknowledgement; the summaries are the centre's own durable files, so a link down
// for days loses nothing, and a record lost or restored older only re-sends days the city
// recognises as repeats.
import { Low } from 'lowdb';
import { join } from 'node:path';
import { z } from 'zod';
import { DurableJSONFile } from '../store/durable-json-file';

const outboxFileSchema = z.object({
  format: z.literal(1),
  /** day → the version the city acknowledged. */
  acked: z.record(z.string(), z.number()),
  /** The version of the city's catalogue installed here, 0 = none. */
  catalogueVersion: z.number().int().min(0),
});
type OutboxFile = z.infer<typeof outboxFileSchema>;

export class CityOutbox {
  private readonly pending = new Map<string, number>();

  private constructor(private readonly db: Low<OutboxFile>) {}

  static async open(dataDir: string): Promise<CityOutbox> {
    const db = new Low<OutboxFile>(new DurableJSONFile(join(dataDir, 'city-outbox.json'), (d) => outboxFileSchema.parse(d)), { format: 1, acked: {}, catalogueVersion: 0 });
    await db.read();
    return new CityOutbox(db);
  }

  /** A closed day's facts are at this version: queued unless the city has it already. */
  offer(day: string, version: number): void {
    if (this.db.data.acked[day] === version) this.pending.delete(day);
    else this.pending.set(day, version);
  }

  /** The oldest days to send, at most `max`. */
  next(max: number): { day: string; version: number }[] {
    return [...this.pending]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, max)
      .map(([day, version]) => ({ day, version }));
  }

  get backlog(): number {
    return this.pending.size;
  }

  /** Notes what the city confirmed (stored, a repeat, or older than what it holds): none is sent again. */
  async acknowledge(days: readonly { day: string; version: number }[]): Promise<void> {
    for (const d of days) this.db.data.acked[d.day] = d.version;
    await this.db.write();
    for (const d of days) if (this.pending.get(d.day) === d.version) this.pending.delete(d.day);
  }

  /** Leaves a day out until the next start (the city refused it; it is shown to managers). */
  drop(day: string): void {
    this.pending.delete(day);
  }

  get catalogueVersion(): number {
    return this.db.data.catalogueVersion;
  }

  async setCatalogueVersion(version: number): Promise<void> {
    this.db.data.catalogueVersion = version;
    await this.db.write();
  }
}
