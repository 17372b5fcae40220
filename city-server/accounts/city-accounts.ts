// The city managers' accounts and sign-in sessions, in PostgreSQL. Same rules as a centre:
// scrypt password hashes, session tokens kept only as hashes, a throttle on guessing.
import type pg from 'pg';
import { QueueError } from '@protocol/errors';
import { AttemptThrottle } from '../../server/auth/attempt-throttle';
import { hashPassword, hashToken, newToken, randomPassword, verifyPassword } from '../../server/auth/passwords';

export interface CityUser {
  id: string;
  username: string;
  name: string;
}

/** Every city account manages the city (the sign-in answer says so, as a centre's does). */
export type SignedInCityUser = CityUser & { role: 'manager' };

// scrypt hash of a random string nobody knows, for constant-time refusals.
const DUMMY_HASH = 'scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export class CityAccounts {
  private readonly throttle = new AttemptThrottle(() => this.clock());

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => number,
    private readonly sessionHours: number,
  ) {}

  /** First start: the `admin` account. Returns the password to print once (or a note that it came from the environment). */
  async bootstrap(adminPassword: string | undefined): Promise<{ username: string; password: string } | null> {
    const password = adminPassword ?? randomPassword();
    const hash = await hashPassword(password);
    const r = await this.pool.query(
      `INSERT INTO city_users (id, username, name, password_hash, created_at)
       SELECT 'admin', 'admin', 'Quản trị viên', $1, $2 WHERE NOT EXISTS (SELECT 1 FROM city_users)`,
      [hash, this.clock()],
    );
    if (r.rowCount === 0) return null;
    return { username: 'admin', password: adminPassword ? '(QMS_ADMIN_PASSWORD)' : password };
  }

  async login(username: string, password: string, from: string): Promise<{ token: string; user: SignedInCityUser; expiresAt: number }> {
    const key = username.trim().toLowerCase();
    const now = this.clock();
    const attempt = this.throttle.begin(key, from, now);
    let row: (CityUser & { password_hash: string; active: boolean }) | undefined;
    let ok = false;
    try {
      row = (await this.pool.query<CityUser & { password_hash: string; active: boolean }>('SELECT id, username, name, password_hash, active FROM city_users WHERE username = $1', [key])).rows[0];
      ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    } catch (err) {
      attempt.abandoned();
      throw err;
    }
    if (!row || !ok || !row.active) {
      attempt.failed();
      throw new QueueError('login-failed');
    }
    attempt.succeeded();
    const token = newToken();
    const expiresAt = now + this.sessionHours * 3_600_000;
    await this.pool.query('DELETE FROM city_sessions WHERE expires_at <= $1', [now]);
    await this.pool.query('INSERT INTO city_sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [hashToken(token), row.id, now, expiresAt]);
    return { token, user: { id: row.id, username: row.username, name: row.name, role: 'manager' }, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.pool.query('DELETE FROM city_sessions WHERE token_hash = $1', [hashToken(token)]);
  }

  /** The signed-in city manager a session token stands for, or null. */
  async user(token: string): Promise<CityUser | null> {
    const r = await this.pool.query<CityUser>(
      `SELECT u.id, u.username, u.name FROM city_sessions s JOIN city_users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`,
      [hashToken(token), this.clock()],
    );
    return r.rows[0] ?? null;
  }
}
