// The centres the city knows, and their credentials. A token is shown once when it is made;
// the city keeps only its sha-256, so a copy of the database lets nobody send as a centre.
// Revoking clears the hash: the centre's figures stay, its link is refused from then on.
import type pg from 'pg';
import type { CentreProfile, CityCentre, NewCentreToken } from '@protocol/city';
import { QueueError } from '@protocol/errors';
import { hashToken, newToken } from '../../server/auth/passwords';

/** A centre counts as online while it has been heard from within this long (it sends every ≤ 10 s). */
export const ONLINE_MS = 60_000;

export interface RegisteredCentre {
  id: string;
  name: string;
  createdAt: number;
  revoked: boolean;
  profile: CentreProfile | null;
}

interface CentreRow {
  id: string;
  name: string;
  created_at: number;
  revoked_at: number | null;
  profile: CentreProfile | null;
  last_contact_at: number | null;
  backlog_days: number | null;
}

export class CentreRegistry {
  /** token hash → centre id, for the ingest path (asked on every message). */
  private byTokenHash = new Map<string, string>();
  private centres = new Map<string, RegisteredCentre>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => number,
  ) {}

  async load(): Promise<void> {
    const rows = (await this.pool.query<CentreRow & { token_hash: string | null }>('SELECT * FROM centres ORDER BY created_at, id')).rows;
    this.centres = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, createdAt: r.created_at, revoked: r.revoked_at !== null, profile: r.profile }]));
    this.byTokenHash = new Map(rows.filter((r) => r.token_hash).map((r) => [r.token_hash!, r.id]));
  }

  async create(id: string, name: string): Promise<NewCentreToken> {
    const token = newToken();
    const r = await this.pool.query('INSERT INTO centres (id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [id, name, hashToken(token), this.clock()]);
    if (r.rowCount === 0) throw new QueueError('centre-exists');
    await this.load();
    return { id, token };
  }

  /** A new credential for a centre (the old one stops working at once). */
  async reissue(id: string): Promise<NewCentreToken> {
    const token = newToken();
    const r = await this.pool.query('UPDATE centres SET token_hash = $2, revoked_at = NULL WHERE id = $1', [id, hashToken(token)]);
    if (r.rowCount === 0) throw new QueueError('unknown-centre');
    await this.load();
    return { id, token };
  }

  async revoke(id: string): Promise<void> {
    const r = await this.pool.query('UPDATE centres SET token_hash = NULL, revoked_at = $2 WHERE id = $1', [id, this.clock()]);
    if (r.rowCount === 0) throw new QueueError('unknown-centre');
    await this.load();
  }

  /** The centre a credential belongs to; unauthorized for an unknown or revoked one. */
  centreOf(token: string | undefined): string {
    const id = token ? this.byTokenHash.get(hashToken(token)) : undefined;
    if (!id) throw new QueueError('unauthorized');
    return id;
  }

  isCentreToken(token: string): boolean {
    return this.byTokenHash.has(hashToken(token));
  }

  get(id: string): RegisteredCentre | undefined {
    return this.centres.get(id);
  }

  /** Every centre in the order it was registered. */
  all(): RegisteredCentre[] {
    return [...this.centres.values()];
  }

  rememberProfile(id: string, profile: CentreProfile): void {
    const c = this.centres.get(id);
    if (c) c.profile = profile;
  }

  /** The list the city managers see, with how each centre's link is doing. */
  async list(): Promise<CityCentre[]> {
    const rows = (
      await this.pool.query<CentreRow & { last_day: string | null; days: number }>(
        `SELECT c.id, c.name, c.created_at, c.revoked_at, c.last_contact_at, c.backlog_days,
                (SELECT max(day) FROM day_facts f WHERE f.centre_id = c.id) AS last_day,
                (SELECT count(*)::int FROM day_facts f WHERE f.centre_id = c.id) AS days
         FROM centres c ORDER BY c.created_at, c.id`,
      )
    ).rows;
    const now = this.clock();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.created_at,
      revoked: r.revoked_at !== null,
      lastContactAt: r.last_contact_at,
      backlogDays: r.backlog_days,
      online: r.revoked_at === null && r.last_contact_at !== null && now - r.last_contact_at < ONLINE_MS,
      lastDay: r.last_day,
      days: r.days,
    }));
  }
}
