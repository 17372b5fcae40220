// The data folder as one .tar.gz: everything a centre needs to carry on elsewhere, nothing
// that can be made again (printed ticket images, generated voice clips, older backups, the
// copies kept of damaged or migrated files). A backup holds exactly what a restore accepts,
// so the server's own backups always restore.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import * as tar from 'tar';

/** What a backup holds, relative to the data folder, in the order a restore swaps it in. */
export const BACKED_UP = ['config.json', 'accounts.json', 'catalogue.json', 'bookings.json', 'journal', 'summaries', 'audit', 'voice/custom'];

const FILES = /^(config\.json|accounts\.json|catalogue\.json|bookings\.json|journal\/\d{4}-\d{2}-\d{2}\.jsonl|summaries\/\d{4}-\d{2}-\d{2}\.json|audit\/\d{4}-\d{2}\.jsonl|voice\/custom\/[\w.-]+\.wav)$/;
const FOLDERS = /^(journal|summaries|audit|voice|voice\/custom)$/;
/** Copies of damaged files that release 0.1.0 put in its backups: left out of a restore, not refused. */
const LEFTOVERS = /^(journal\/\d{4}-\d{2}-\d{2}\.jsonl|summaries\/\d{4}-\d{2}-\d{2}\.json)\.corrupt-[\w-]+$/;

/** One file in an archive may hold at most this much (a very busy day's journal is ~10 MB). */
export const MAX_ENTRY_BYTES = 200 * 1024 * 1024;

const normalise = (path: string) => path.replace(/^\.\//, '').replace(/\/$/, '');

/** Whether an archive entry is something a backup holds: a known file, or one of its folders. */
export function isBackupEntry(path: string, type: string): boolean {
  const p = normalise(path);
  if (type === 'File') return FILES.test(p);
  if (type === 'Directory') return FOLDERS.test(p);
  return false;
}

export async function createBackup(dataDir: string, file: string): Promise<void> {
  const present: string[] = [];
  for (const p of BACKED_UP) if (await stat(join(dataDir, p)).catch(() => null)) present.push(p);
  const archive = tar.c(
    {
      cwd: dataDir,
      portable: true,
      filter: (path, st) => isBackupEntry(path, 'isDirectory' in st && st.isDirectory() ? 'Directory' : 'File'),
    },
    present,
  );
  // tar's own gzip compresses each chunk synchronously on the queue's thread (a year of
  // journals held it 50–70 ms at a time); node:zlib's stream compresses on the thread pool.
  await pipeline(archive, createGzip(), createWriteStream(file));
}

export interface ArchiveLimits {
  /** Bytes all entries may hold together once unpacked. */
  maxUnpackedBytes: number;
}

export interface ArchiveProblem {
  path: string;
  message: string;
}

/** The archive cannot be restored; nothing has been written. */
export class ArchiveRefused extends Error {
  constructor(readonly problems: ArchiveProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'ArchiveRefused';
  }
}

/** Keeps the last 1,024 bytes of the unpacked tar: a whole archive ends with two empty blocks. */
class TarTail extends Transform {
  tail = Buffer.alloc(0);
  total = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.total += chunk.length;
    this.tail = Buffer.from(chunk.length >= 1024 ? chunk.subarray(-1024) : Buffer.concat([this.tail, chunk]).subarray(-1024));
    this.push(chunk);
    done();
  }
}

/**
 * Reads the whole archive once without writing anything: every entry must be a file or folder
 * a backup holds, listed once, and all of them together must fit the limits. Stops at the
 * first entry past a limit, so a gzip bomb is refused without being unpacked. Throws ArchiveRefused.
 */
export async function inspectArchive(file: string, limits: ArchiveLimits): Promise<{ unpackedBytes: number; files: string[]; leftOut: string[] }> {
  const problems: ArchiveProblem[] = [];
  const seen = new Set<string>();
  const files: string[] = [];
  const leftOut: string[] = [];
  let unpackedBytes = 0;
  const source = createReadStream(file);
  const tail = new TarTail();
  const tooBig = new Error('too big');
  const parser = new tar.Parser({
    strict: true,
    onReadEntry: (entry) => {
      const path = normalise(entry.path);
      const size = entry.size ?? 0;
      unpackedBytes += size;
      if (entry.type === 'File' && LEFTOVERS.test(path)) {
        leftOut.push(path);
      } else if (!isBackupEntry(entry.path, entry.type)) {
        problems.push({ path: entry.path, message: entry.type === 'File' || entry.type === 'Directory' ? 'Tệp không thuộc bản sao lưu' : `Loại mục không được phép (${entry.type})` });
      } else if (seen.has(path)) {
        problems.push({ path: entry.path, message: 'Mục có hai lần trong bản sao lưu' });
      } else if (size > MAX_ENTRY_BYTES) {
        problems.push({ path: entry.path, message: `Tệp quá lớn (${size} byte, tối đa ${MAX_ENTRY_BYTES})` });
      } else if (entry.type === 'File') files.push(path);
      seen.add(path);
      if (unpackedBytes > limits.maxUnpackedBytes || problems.length >= 20) source.destroy(tooBig);
      entry.resume();
    },
  });
  try {
    await pipeline(source, createGunzip(), tail, parser);
  } catch (err) {
    if (err !== tooBig) throw new ArchiveRefused([{ path: 'archive', message: 'Tệp sao lưu bị cắt cụt hoặc hỏng, không đọc hết được (.tar.gz).' }]);
  }
  if (unpackedBytes > limits.maxUnpackedBytes) {
    throw new ArchiveRefused([{ path: 'archive', message: `Giải nén ra quá lớn (hơn ${limits.maxUnpackedBytes} byte): không phải bản sao lưu của hệ thống.` }]);
  }
  if (problems.length) throw new ArchiveRefused(problems);
  if (tail.total % 512 !== 0 || tail.tail.length < 1024 || tail.tail.some((b) => b !== 0)) {
    throw new ArchiveRefused([{ path: 'archive', message: 'Tệp sao lưu bị cắt cụt: thiếu phần kết thúc của kho tar.' }]);
  }
  return { unpackedBytes, files, leftOut };
}

/** Unpacks an archive inspectArchive accepted, with the same rules applied again. */
export async function extractArchive(file: string, dir: string): Promise<void> {
  await tar.x({ file, cwd: dir, strict: true, preserveOwner: false, filter: (path, entry) => isBackupEntry(path, (entry as tar.ReadEntry).type) });
}
