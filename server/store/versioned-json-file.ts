// A lowdb Adapter for a whole JSON file kept in a versioned format (config.json, accounts.json),
// written durably like DurableJSONFile. Reading an older format upgrades it, keeps a copy of
// the file as it was, and writes the upgraded one. A file that cannot be read is left exactly
// where it is and reported with UnreadableDataFileError: it is never replaced by defaults.
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { DurableJSONFile, writeFileDurably } from './durable-json-file';
import { readDocument, StoredFormatError, toDocument, type StoredDocument, type StoredFormat } from './stored-format';

export class UnreadableDataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: StoredFormatError,
  ) {
    super(`${file}: ${problem.en}`);
    this.name = 'UnreadableDataFileError';
  }
}

export interface Migration {
  file: string;
  from: number;
  to: number;
  /** The file as it was before the upgrade. */
  copy: string;
}

export function timestampForName(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/** Reads and upgrades a versioned file without writing anything; null when there is no file. */
export async function readVersionedFile<T>(file: string, format: StoredFormat<T>): Promise<{ value: T; from: number; text: string } | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new UnreadableDataFileError(file, new StoredFormatError(`it cannot be read (${code ?? String(err)})`, `không đọc được tệp (${code ?? String(err)})`));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const why = (err as Error).message;
    throw new UnreadableDataFileError(file, new StoredFormatError(`it is not valid JSON (${why})`, `tệp không phải JSON hợp lệ (${why})`));
  }
  try {
    return { ...readDocument(format, json), text };
  } catch (err) {
    if (err instanceof StoredFormatError) throw new UnreadableDataFileError(file, err);
    throw err;
  }
}


export class VersionedJSONFile<T> implements Adapter<T> {
  private readonly writer: DurableJSONFile<StoredDocument>;

  constructor(
    readonly file: string,
    private readonly format: StoredFormat<T>,
    private readonly onMigrated: (m: Migration) => void = () => undefined,
    private readonly clock: () => number = Date.now,
  ) {
    this.writer = new DurableJSONFile<StoredDocument>(file);
  }

  async read(): Promise<T | null> {
    const read = await readVersionedFile(this.file, this.format);
    if (!read) return null;
    if (read.from < this.format.current) {
      const copy = `${this.file}.format-${read.from}-${timestampForName(this.clock())}`;
      await writeFileDurably(copy, read.text);
      await this.write(read.value);
      this.onMigrated({ file: this.file, from: read.from, to: this.format.current, copy });
    }
    return read.value;
  }

  write(data: T): Promise<void> {
    return this.writer.write(toDocument(this.format, data));
  }
}
