// Every file the server keeps whole (config.json, accounts.json, a day summary) says which
// format it is written in. A newer release brings an older file up to its own format one
// step at a time; a file written by a newer release is refused rather than half understood.
import type { ZodError } from 'zod';

export type StoredDocument = Record<string, unknown>;

/** The field each stored document carries its format in. Files from before it existed are format 1. */
export const FORMAT_FIELD = 'format';

export interface StoredFormat<T> {
  /** The format this release writes. */
  current: number;
  /**
   * upgrades[n] turns a format-n document into format n + 1: new fields get their defaults,
   * renamed ones carry their values over. The next migration of a store is added here.
   */
  upgrades: Readonly<Record<number, (doc: StoredDocument) => StoredDocument>>;
  /** Checks a document of the current format and returns what the server keeps in memory. Throws a ZodError. */
  parse(doc: StoredDocument): T;
}

/** What is wrong with a stored document, said in both languages for logs and for managers. */
export class StoredFormatError extends Error {
  constructor(
    readonly en: string,
    readonly vi: string,
    /** For a document that does not validate: each field and zod's message about it. */
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(en);
    this.name = 'StoredFormatError';
  }
}

export function formatOf(doc: StoredDocument): number {
  const format = doc[FORMAT_FIELD] ?? 1;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) {
    throw new StoredFormatError(`its format ${JSON.stringify(format)} is not a format number`, `số định dạng ${JSON.stringify(format)} không hợp lệ`);
  }
  return format;
}

/** The first few problems zod found, each naming the field. */
export function describeIssues(err: ZodError): StoredFormatError {
  const all = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = all.slice(0, 3).map((i) => `${i.path || '(whole file)'}: ${i.message}`);
  const more = all.length > 3 ? ` (+${all.length - 3})` : '';
  return new StoredFormatError(`it does not validate: ${first.join('; ')}${more}`, `nội dung không hợp lệ: ${first.join('; ')}${more}`, all);
}

/** zod's error, told by its name: the reports' thread reads summaries, which have no schema, and so never loads zod. */
const isZodError = (err: unknown): err is ZodError => err instanceof Error && err.name === 'ZodError' && Array.isArray((err as ZodError).issues);

export interface ReadDocument<T> {
  value: T;
  /** The format the document was in; below the current one it has been upgraded in memory. */
  from: number;
}

/** Brings a parsed JSON document up to the current format and checks it. Throws StoredFormatError. */
export function readDocument<T>(format: StoredFormat<T>, json: unknown): ReadDocument<T> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new StoredFormatError('it is not a JSON object', 'không phải một đối tượng JSON');
  let doc = json as StoredDocument;
  const from = formatOf(doc);
  if (from > format.current) {
    throw new StoredFormatError(
      `it was written by a newer release (format ${from}; this release reads formats up to ${format.current})`,
      `tệp do phiên bản mới hơn ghi (định dạng ${from}; phiên bản này chỉ đọc được đến định dạng ${format.current})`,
    );
  }
  for (let n = from; n < format.current; n++) {
    const step = format.upgrades[n];
    if (!step) throw new Error(`no upgrade from format ${n}`);
    doc = { ...step(doc), [FORMAT_FIELD]: n + 1 };
  }
  let value: T;
  try {
    value = format.parse(doc);
  } catch (err) {
    throw isZodError(err) ? describeIssues(err) : err;
  }
  return { value, from };
}

/** The document written for a value: the value's fields and the current format. */
export function toDocument<T>(format: StoredFormat<T>, value: T): StoredDocument {
  return { [FORMAT_FIELD]: format.current, ...(value as StoredDocument) };
}
