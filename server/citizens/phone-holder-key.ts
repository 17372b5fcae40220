// The key a phone number is counted under for the limits per phone (docs/queue-policy.md):
// an HMAC of the day and the number with a secret kept in the data folder, so the journal and
// backups never hold a citizen's phone number, and one day's keys do not link to another's.
// The secret is made once and written durably before the first number is taken with it.
import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../store/durable-json-file';

const FILE = 'phone-holder.key';

export class PhoneHolderKey {
  private constructor(private readonly secret: Buffer) {}

  static async open(dataDir: string): Promise<PhoneHolderKey> {
    const file = join(dataDir, FILE);
    const stored = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (stored !== null && /^[0-9a-f]{64}$/.test(stored.trim())) return new PhoneHolderKey(Buffer.from(stored.trim(), 'hex'));
    if (stored !== null) throw new Error(`${file} is not a 32-byte hex key; move it aside only if no number was taken today`);
    const secret = randomBytes(32);
    await writeFileDurably(file, secret.toString('hex'));
    return new PhoneHolderKey(secret);
  }

  /** The key of a (normalised) phone number on a day. */
  holderOf(day: string, phone: string): string {
    return createHmac('sha256', this.secret).update(`${day}\n${phone}`).digest('base64url').slice(0, 22);
  }
}
