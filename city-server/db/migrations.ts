// The city's schema, versioned: each migration runs once, in order, inside one transaction,
// when the city server starts. Two servers starting at once wait on an advisory lock, so a
// schema is never half-made. A new release adds a migration; it never edits an old one.
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, centres, day facts, catalogue',
    sql: `
      CREATE TABLE city_users (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        name text NOT NULL,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at bigint NOT NULL
      );
      CREATE TABLE city_sessions (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES city_users (id) ON DELETE CASCADE,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL
      );
      CREATE TABLE centres (
        id text PRIMARY KEY,
        name text NOT NULL,
        -- sha-256 of the centre's credential; null once revoked.
        token_hash text UNIQUE,
        created_at bigint NOT NULL,
        revoked_at bigint,
        profile jsonb,
        last_contact_at bigint,
        backlog_days integer,
        live jsonb,
        live_at bigint
      );
      -- One row per centre and closed day: the centre's day summary as it sent it. The row with
      -- the highest (facts_format, version) wins, so a repeat or an older copy changes nothing.
      CREATE TABLE day_facts (
        centre_id text NOT NULL REFERENCES centres (id),
        day date NOT NULL,
        facts_format integer NOT NULL,
        version bigint NOT NULL,
        tickets integer NOT NULL,
        summary text COMPRESSION lz4 NOT NULL,
        received_at bigint NOT NULL,
        PRIMARY KEY (centre_id, day)
      );
      CREATE INDEX day_facts_by_day ON day_facts (day, centre_id);
      CREATE TABLE catalogue_imports (
        version serial PRIMARY KEY,
        filename text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        count integer NOT NULL,
        file bytea NOT NULL
      );
    `,
  },
];

const LOCK_KEY = 719_019; // any constant: the city's schema lock

/** Brings the schema to the newest version; returns the versions it applied. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const ahead = [...done].filter((v) => v > newest);
    if (ahead.length) throw new Error(`the database schema is version ${Math.max(...ahead)}, newer than this city server knows (${newest}); run the newer release`);
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
