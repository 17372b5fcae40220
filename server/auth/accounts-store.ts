// People's accounts and device pairings (<dataDir>/accounts.json). Sign-in sessions live in
// sessions.jsonl (session-log.ts); `sessions` here is what an older release left, read once.
import { Low } from 'lowdb';
import { join } from 'node:path';
import { z } from 'zod';
import { DurableJSONFile } from '../store/durable-json-file';

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(['manager', 'staff']),
  passwordHash: z.string(),
  photoUrl: z.string().optional(),
  active: z.boolean(),
  createdAt: z.number(),
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

export async function openAccounts(dataDir: string): Promise<Low<Accounts>> {
  const adapter = new DurableJSONFile<Accounts>(join(dataDir, 'accounts.json'), (d) => accountsSchema.parse(d));
  const db = new Low<Accounts>(adapter, { users: [], sessions: [], devices: [] });
  await db.read();
  return db;
}
