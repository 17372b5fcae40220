// The data folder as one .tar.gz: everything a centre needs to carry on elsewhere, nothing
// that can be made again (printed ticket images, generated voice clips, older backups).
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { catalogueFileSchema } from '@protocol/catalogue';
import { centreConfigSchema } from '@protocol/config';
import { QueueError } from '@protocol/errors';
import { accountsSchema } from '../auth/accounts-store';
import { readJournal } from '../store/day-journal';

/** What a backup holds, relative to the data folder. */
export const BACKED_UP = ['config.json', 'accounts.json', 'catalogue.json', 'journal', 'summaries', 'audit', 'voice/custom'];
const ALLOWED = /^(config\.json|accounts\.json|catalogue\.json|journal\/\d{4}-\d{2}-\d{2}\.jsonl|summaries\/[\w.-]+\.json|audit\/\d{4}-\d{2}\.jsonl|voice\/custom\/[\w.-]+\.wav|journal\/?|summaries\/?|audit\/?|voice\/?|voice\/custom\/?)$/;
const MAX_ENTRY_BYTES = 200 * 1024 * 1024;

export async function createBackup(dataDir: string, file: string): Promise<void> {
  const present: string[] = [];
  for (const p of BACKED_UP) if (await stat(join(dataDir, p)).catch(() => null)) present.push(p);
  await tar.c({ gzip: true, cwd: dataDir, file, portable: true }, present);
}

/**
 * Unpacks an uploaded archive into a staging folder and checks every file as the server
 * would read it. Nothing in the data folder is touched; the caller swaps the staging in.
 */
export async function unpackAndValidate(archive: Buffer): Promise<string> {
  const staging = await mkdtemp(join(tmpdir(), 'qms-restore-'));
  const upload = join(staging, '..', `${staging.split('/').pop()}.tar.gz`);
  await writeFile(upload, archive);
  const problems: { path: string; message: string }[] = [];
  try {
    await tar.x({
      file: upload,
      cwd: staging,
      strict: true,
      // Only known files, no links, no paths that climb out, no oversized entries.
      filter: (path, entry) => {
        const e = entry as tar.ReadEntry;
        const ok = ALLOWED.test(path.replace(/^\.\//, '')) && (e.type === 'File' || e.type === 'Directory') && (e.size ?? 0) <= MAX_ENTRY_BYTES;
        if (!ok) problems.push({ path, message: 'Tệp không thuộc bản sao lưu' });
        return ok;
      },
    });
  } catch {
    await rm(staging, { recursive: true, force: true });
    throw new QueueError('invalid-payload', [{ path: 'archive', message: 'Không đọc được tệp sao lưu (.tar.gz).' }]);
  } finally {
    await rm(upload, { force: true });
  }
  const check = async (name: string, validate: (data: unknown) => unknown) => {
    const text = await readFile(join(staging, name), 'utf8').catch(() => null);
    if (text === null) return false;
    try {
      validate(JSON.parse(text));
    } catch {
      problems.push({ path: name, message: 'Nội dung không hợp lệ' });
    }
    return true;
  };
  if (!(await check('config.json', (d) => centreConfigSchema.parse(d)))) problems.push({ path: 'config.json', message: 'Thiếu cấu hình trung tâm' });
  if (!(await check('accounts.json', (d) => accountsSchema.parse(d)))) problems.push({ path: 'accounts.json', message: 'Thiếu tài khoản' });
  await check('catalogue.json', (d) => catalogueFileSchema.parse(d));
  for (const f of await readdir(join(staging, 'journal')).catch(() => [] as string[])) {
    const read = await readJournal(join(staging, 'journal', f));
    if (read.damaged.length > 0 || read.tornBytes > 0) problems.push({ path: `journal/${f}`, message: 'Nhật ký bị hỏng' });
  }
  if (problems.length) {
    await rm(staging, { recursive: true, force: true });
    throw new QueueError('invalid-payload', problems.slice(0, 20));
  }
  return staging;
}
