// People's accounts and device pairings (<dataDir>/accounts.json). Sign-in sessions live in
// sessions.jsonl (session-log.ts); `sessions` here is what an older release left, read once.
import { Low } from 'lowdb';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoredFormat } from '../store/stored-format';
import { VersionedJSONFile, type Migration } from '../store/versioned-json-file';

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(['manager', 'staff']),
  passwordHash: z.string(),
  photoUrl: z.string().optional(),
  active: z.boolean(),
  createdAt: z.number(),
  /** The password was set by someone else (the sample's, a first start's, a manager's reset): the next sign-in must change it.
   *  Absent in data folders of releases before it existed; the server fills it in at start. */
  mustChangePassword: z.boolean().optional(),
});

const sessionSchema = z.object({
  tokenHash: z.string(),
  userId: z.string(),
  counterId: z.number().optional(),
  createdAt: z.number(),
  expiresAt: z.number(),
});

const deviceTokenSchema = z.object({
  tokenHash: z.string(),
  deviceId: z.string(),
  pairedAt: z.number(),
});

export const accountsSchema = z.object({
  users: z.array(userSchema),
  sessions: z.array(sessionSchema),
  devices: z.array(deviceTokenSchema),
});

export type User = z.infer<typeof userSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type DeviceToken = z.infer<typeof deviceTokenSchema>;
export type Accounts = z.infer<typeof accountsSchema>;

/** accounts.json's format: the next change to its shape adds a migration step here and raises `current`. */
export const accountsFormat: StoredFormat<Accounts> = {
  current: 1,
  upgrades: {},
  parse: (doc) => accountsSchema.parse(doc),
};

/** Throws UnreadableDataFileError for a file that cannot be read: accounts are never made again over it. */
export async function openAccounts(dataDir: string, onMigrated?: (m: Migration) => void): Promise<Low<Accounts>> {
  const adapter = new VersionedJSONFile<Accounts>(join(dataDir, 'accounts.json'), accountsFormat, onMigrated);
  const db = new Low<Accounts>(adapter, { users: [], sessions: [], devices: [] });
  await db.read();
  return db;
}
