// The centre's configuration on disk (<dataDir>/config.json). Managers change it live;
// every change is validated with the shared schema before it is written or applied.
// An older format is migrated on open (configFormat); a file that cannot be read stops the
// start with UnreadableDataFileError: the sample centre is written at the first start only.
import { Low } from 'lowdb';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { centreConfigSchema, type CentreConfig } from '@protocol/config';
import { sampleCentre } from '@protocol/sample-centre';
import { StoredFormatError } from '../store/stored-format';
import { UnreadableDataFileError, VersionedJSONFile, type Migration } from '../store/versioned-json-file';
import { configFormat } from './config-format';

export interface CentreStore {
  get(): CentreConfig;
  /** Validates, writes durably, then makes it current. Throws a ZodError on invalid input. */
  set(next: unknown): Promise<CentreConfig>;
  /** Reads the file again (after a restore replaced it). */
  reload(): Promise<void>;
}

const exists = (file: string) => stat(file).then(
  () => true,
  () => false,
);

export async function openCentreStore(dataDir: string, onMigrated?: (m: Migration) => void): Promise<CentreStore> {
  const file = join(dataDir, 'config.json');
  const db = new Low<CentreConfig>(new VersionedJSONFile(file, configFormat, onMigrated), sampleCentre);
  const load = async () => {
    await db.read();
    if (db.data !== sampleCentre) return;
    // No config.json. Beside an accounts.json that is a lost file, not a first start.
    if (await exists(join(dataDir, 'accounts.json'))) {
      throw new UnreadableDataFileError(
        file,
        new StoredFormatError('it is missing while accounts.json is there, so this is not a first start', 'tệp bị mất trong khi accounts.json vẫn còn, nên đây không phải lần chạy đầu tiên'),
      );
    }
    db.data = structuredClone(sampleCentre);
    await db.write();
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
