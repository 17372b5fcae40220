// A data file the server cannot read stops the start with one sentence in both languages that
// names the file and the latest backup holding it. Starting anyway would mean starting with
// the sample centre or the sample accounts in place of the centre's own, which is worse than
// not starting: nobody notices until the numbers, the names or the passwords are wrong.
import { basename, join, relative } from 'node:path';
import { listBackups } from './backup/backup-service';
import type { UnreadableDataFileError } from './store/versioned-json-file';

export class StartRefused extends Error {
  constructor(sentence: string) {
    super(sentence);
    this.name = 'StartRefused';
  }
}

export async function refusalToStart(err: UnreadableDataFileError, dataDir: string): Promise<StartRefused> {
  const latest = (await listBackups(join(dataDir, 'backups')))[0];
  const archive = latest && join(dataDir, 'backups', latest.name);
  const name = relative(dataDir, err.file) || basename(err.file);
  const vi = archive
    ? `bản sao lưu gần nhất là ${archive} (lấy lại tệp: tar -xzf ${archive} -C ${dataDir} ${name})`
    : 'chưa có bản sao lưu nào trong thư mục backups';
  const en = archive ? `the latest backup is ${archive} (tar -xzf ${archive} -C ${dataDir} ${name} restores it)` : 'there is no backup in the backups folder yet';
  return new StartRefused(
    `Không mở được tệp dữ liệu ${err.file}: ${err.problem.vi}. Máy chủ dừng lại để không thay dữ liệu của trung tâm bằng dữ liệu mẫu; tệp được giữ nguyên, ${vi}. / ` +
      `Cannot open data file ${err.file}: ${err.problem.en}; the server stops rather than replace the centre's data with the sample; the file is left as it is, ${en}.`,
  );
}
