// The procedure catalogue as the server uses it: the current list in memory, its search index,
// and <dataDir>/catalogue.json, which only a fully valid import replaces. Until a manager
// imports a file the shipped sample is served (and nothing is written).
import { Low } from 'lowdb';
import { basename, join } from 'node:path';
import { catalogueFileSchema, type CatalogueFile, type CatalogueInfo, type ImportResult, type Procedure } from '@protocol/catalogue';
import type { ServiceConfig } from '@protocol/config';
import { CorruptDataFileError, DurableJSONFile } from '../store/durable-json-file';
import { parseCatalogueFile } from './import-file';
import { sampleProcedures } from './sample-catalogue';
import { buildSearchIndex, type SearchIndex, type SearchOptions } from './search-index';

export interface CatalogueDeps {
  dataDir: string;
  /** The centre's fields as configured now: imports resolve field names against them, search matches their names. */
  getServices: () => ServiceConfig[];
  /** catalogue.json did not parse: it has been moved aside and the sample is served. Without this the error is thrown. */
  onCorrupt?: (err: CorruptDataFileError) => void;
  now?: () => Date;
}

export interface Catalogue {
  /** Every procedure, in the order of the imported file. */
  list(): Procedure[];
  /** Text search ignoring case and diacritics; an empty query browses (all of a field with serviceId). */
  search(query: string, opts?: SearchOptions): Procedure[];
  get(code: string): Procedure | undefined;
  /** Replaces the whole catalogue, or changes nothing and returns every error found. Rejects only if the disk write fails. */
  importFile(buf: Buffer, filename: string): Promise<ImportResult>;
  info(): CatalogueInfo;
}

interface Current {
  procedures: Procedure[];
  byCode: Map<string, Procedure>;
  info: CatalogueInfo;
}

function makeCurrent(procedures: Procedure[], info: CatalogueInfo): Current {
  return { procedures, byCode: new Map(procedures.map((p) => [p.code, p])), info };
}

function fromFile(file: CatalogueFile): Current {
  return makeCurrent(file.procedures, { source: 'import', count: file.procedures.length, filename: file.filename, importedAt: file.importedAt });
}

const fromSample = () => makeCurrent([...sampleProcedures], { source: 'sample', count: sampleProcedures.length });

export async function createCatalogue(deps: CatalogueDeps): Promise<Catalogue> {
  const now = deps.now ?? (() => new Date());
  const adapter = new DurableJSONFile<CatalogueFile | null>(join(deps.dataDir, 'catalogue.json'), (d) => catalogueFileSchema.parse(d));
  const db = new Low<CatalogueFile | null>(adapter, null);
  try {
    await db.read();
  } catch (err) {
    if (!(err instanceof CorruptDataFileError) || !deps.onCorrupt) throw err;
    deps.onCorrupt(err);
  }
  let current = db.data ? fromFile(db.data) : fromSample();

  // Built once per catalogue and per set of field names, not per keystroke.
  let cached: { procedures: Procedure[]; servicesKey: string; index: SearchIndex } | undefined;
  function searchIndex(): SearchIndex {
    const services = deps.getServices();
    const servicesKey = JSON.stringify(services.map((s) => [s.id, s.name]));
    if (cached?.procedures !== current.procedures || cached.servicesKey !== servicesKey) {
      const index = buildSearchIndex(current.procedures, new Map(services.map((s) => [s.id, s.name])));
      cached = { procedures: current.procedures, servicesKey, index };
    }
    return cached.index;
  }

  // One import at a time, so the file on disk and the list in memory always agree.
  let importing: Promise<unknown> = Promise.resolve();
  async function importNow(buf: Buffer, filename: string): Promise<ImportResult> {
    const parsed = await parseCatalogueFile(buf, deps.getServices());
    if (!parsed.ok) return parsed;
    const file: CatalogueFile = {
      version: 1,
      filename: basename(filename.replace(/\\/g, '/')).slice(0, 200),
      importedAt: now().toISOString(),
      procedures: parsed.procedures,
    };
    const previous = db.data;
    db.data = file;
    try {
      await db.write();
    } catch (err) {
      db.data = previous;
      throw err;
    }
    current = fromFile(file);
    return { ok: true, count: file.procedures.length };
  }

  return {
    list: () => [...current.procedures],
    search: (query, opts) => searchIndex().search(query, opts),
    get: (code) => current.byCode.get(code.trim()),
    importFile(buf, filename) {
      const result = importing.then(() => importNow(buf, filename));
      importing = result.catch(() => undefined);
      return result;
    },
    info: () => current.info,
  };
}
