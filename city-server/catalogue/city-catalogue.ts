// The danh mục TTHC the city publishes: a manager imports the file once, it is checked with
// the centres' own importer (server/catalogue/import-file.ts) and kept as uploaded; centres
// pull the file and import it with the same importer against their own fields.
import type pg from 'pg';
import type { CityCatalogueHead } from '@protocol/city';
import type { ImportResult } from '@protocol/catalogue';
import type { ServiceConfig } from '@protocol/config';
import { sampleCentre } from '@protocol/sample-centre';
import { parseCatalogueFile } from '../../server/catalogue/import-file';
import type { CentreRegistry } from '../centres/centre-registry';

interface HeadRow {
  version: number;
  filename: string;
  imported_at: Date;
  count: number;
}

const head = (r: HeadRow): CityCatalogueHead => ({ version: r.version, filename: r.filename, importedAt: r.imported_at.toISOString(), count: r.count });

export class CityCatalogue {
  constructor(
    private readonly pool: pg.Pool,
    private readonly registry: CentreRegistry,
  ) {}

  /** Field names the file may use: every field a centre has told the city of, else the standard list. */
  private fields(): ServiceConfig[] {
    const byId = new Map<string, ServiceConfig>();
    for (const c of this.registry.all())
      for (const s of c.profile?.services ?? []) if (!byId.has(s.id)) byId.set(s.id, { id: s.id, name: s.name, prefix: '', numberStart: 1, numberEnd: 999, dailyCap: null, active: true, targetWaitMinutes: null });
    return byId.size > 0 ? [...byId.values()] : sampleCentre.services;
  }

  async importFile(file: Buffer, filename: string): Promise<ImportResult> {
    const parsed = await parseCatalogueFile(file, this.fields());
    if (!parsed.ok) return parsed;
    await this.pool.query('INSERT INTO catalogue_imports (filename, count, file) VALUES ($1, $2, $3)', [filename, parsed.procedures.length, file]);
    return { ok: true, count: parsed.procedures.length };
  }

  async head(): Promise<CityCatalogueHead | null> {
    const r = await this.pool.query<HeadRow>('SELECT version, filename, imported_at, count FROM catalogue_imports ORDER BY version DESC LIMIT 1');
    return r.rows[0] ? head(r.rows[0]) : null;
  }

  async file(): Promise<{ head: CityCatalogueHead; file: Buffer } | null> {
    const r = await this.pool.query<HeadRow & { file: Buffer }>('SELECT version, filename, imported_at, count, file FROM catalogue_imports ORDER BY version DESC LIMIT 1');
    return r.rows[0] ? { head: head(r.rows[0]), file: r.rows[0].file } : null;
  }
}
