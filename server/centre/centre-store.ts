// The centre's configuration on disk (<dataDir>/config.json). Managers change it live;
// every change is validated with the shared schema before it is written or applied.
import { Low } from 'lowdb';
import { join } from 'node:path';
import { centreConfigSchema, type CentreConfig } from '@protocol/config';
import { CorruptDataFileError, DurableJSONFile } from '../store/durable-json-file';
import { sampleCentre } from '@protocol/sample-centre';

export interface CentreStore {
  get(): CentreConfig;
  /** Validates, writes durably, then makes it current. Throws a ZodError on invalid input. */
  set(next: unknown): Promise<CentreConfig>;
  /** Reads the file again (after a restore replaced it). */
  reload(): Promise<void>;
}

export async function openCentreStore(
  dataDir: string,
  onCorrupt: (err: CorruptDataFileError) => void,
): Promise<CentreStore> {
  const adapter = new DurableJSONFile<CentreConfig>(join(dataDir, 'config.json'), (d) => centreConfigSchema.parse(d));
  const db = new Low<CentreConfig>(adapter, sampleCentre);
  const load = async () => {
    try {
      await db.read();
    } catch (err) {
      if (!(err instanceof CorruptDataFileError)) throw err;
      onCorrupt(err);
      db.data = structuredClone(sampleCentre);
    }
    if (db.data === sampleCentre) {
      db.data = structuredClone(sampleCentre);
      await db.write();
    }
  };
  await load();
  return {
    reload: load,
    get: () => db.data,
    async set(next) {
      const parsed = centreConfigSchema.parse(next);
      const previous = db.data;
      db.data = parsed;
      try {
        await db.write();
      } catch (err) {
        db.data = previous;
        throw err;
      }
      return parsed;
    },
  };
}
