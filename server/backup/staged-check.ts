// An unpacked backup is checked as the server will read it, before it replaces anything:
// the configuration, the accounts and the appointments' book through their stored formats (an older release's files
// are upgraded the way an open upgrades them), the catalogue, and every day's journal.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogueFileSchema } from '@protocol/catalogue';
import { accountsFormat } from '../auth/accounts-store';
import { configFormat } from '../centre/config-format';
import { bookingsFormat } from '../citizens/booking-store';
import { readJournal } from '../store/day-journal';
import type { StoredFormat } from '../store/stored-format';
import { readVersionedFile, UnreadableDataFileError } from '../store/versioned-json-file';
import type { ArchiveProblem } from './backup-archive';

async function checkStored<T>(dir: string, name: string, format: StoredFormat<T>, missing: string): Promise<ArchiveProblem[]> {
  try {
    if (await readVersionedFile(join(dir, name), format)) return [];
    return [{ path: name, message: missing }];
  } catch (err) {
    if (!(err instanceof UnreadableDataFileError)) throw err;
    // Each field by its path, so the managers' app can say which one in Vietnamese.
    if (err.problem.issues.length) return err.problem.issues.slice(0, 20).map((i) => ({ path: `${name}:${i.path}`, message: i.message }));
    return [{ path: name, message: `Không đọc được: ${err.problem.vi}` }];
  }
}

export async function checkStagedData(dir: string): Promise<ArchiveProblem[]> {
  const problems = [
    ...(await checkStored(dir, 'config.json', configFormat, 'Thiếu cấu hình trung tâm')),
    ...(await checkStored(dir, 'accounts.json', accountsFormat, 'Thiếu tài khoản')),
  ];
  // Appointments came in a later release: a backup without a book restores an empty one.
  if (await stat(join(dir, 'bookings.json')).catch(() => null)) problems.push(...(await checkStored(dir, 'bookings.json', bookingsFormat, 'Thiếu sổ hẹn')));
  const catalogue = await readFile(join(dir, 'catalogue.json'), 'utf8').catch(() => null);
  if (catalogue !== null) {
    try {
      catalogueFileSchema.parse(JSON.parse(catalogue));
    } catch {
      problems.push({ path: 'catalogue.json', message: 'Danh mục thủ tục không hợp lệ' });
    }
  }
  // A journal with a damaged line is what the server itself opens and reports; one with no
  // readable event at all is not a journal.
  for (const name of await readdir(join(dir, 'journal')).catch(() => [] as string[])) {
    const file = join(dir, 'journal', name);
    const { size } = await stat(file);
    if (size > 0 && (await readJournal(file)).events.length === 0) problems.push({ path: `journal/${name}`, message: 'Nhật ký không đọc được' });
  }
  return problems;
}
