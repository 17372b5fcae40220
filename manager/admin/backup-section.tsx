// Backups: download the whole data folder, restore one (after a clear warning), the second
// location every daily backup is copied to, and the list of the automatic daily backups.
import { useState } from 'preact/hooks';
import { refusal } from '../refusal';
import { errorMessages, type ErrorBody } from '@protocol/errors';
import type { RestoreAnswer } from '@protocol/status';
import { useApi } from '../api-client';
import { Card } from '../card';
import { Dialog } from '../dialog';
import { dateTimeText, sizeText } from '../format';
import { appTexts, backupTexts as t, reportTexts } from '../texts';
import { useResource } from '../use-resource';
import { vietnameseMessage } from './config-messages';
import { SecondLocationCard } from './second-location-card';

/** Each problem with the part of the backup it is about; a configuration field's in Vietnamese. */
function restoreProblem(body: RestoreAnswer | ErrorBody | null): string {
  if (!body || !('code' in body)) return errorMessages.internal.vi;
  if (!body.details?.length) return refusal(body);
  return body.details.map((d) => (d.path === 'archive' ? d.message : `${d.path.replace(':', ' › ')}: ${vietnameseMessage(d.message)}`)).join(' ');
}

export function BackupSection() {
  const client = useApi();
  const list = useResource('backups:list', {});
  const [file, setFile] = useState<File | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [downloadFailed, setDownloadFailed] = useState(false);

  const download = async () => setDownloadFailed(!(await client.download('backups:download', {}, `sao-luu-${new Date().toISOString().slice(0, 10)}.tar.gz`)));
  const restore = async () => {
    if (!file) return;
    setConfirming(false);
    setBusy(true);
    const res = await client.upload('backup:restore', {}, file);
    setBusy(false);
    const body = res.body;
    const ok = res.status === 200 && body !== null && 'ok' in body;
    setResult(ok ? { ok: true, text: t.restored(body.keptPreviousIn) } : { ok: false, text: `${t.restoreFailed} ${res.status === 404 ? appTexts.notAvailable : restoreProblem(body)}` });
    if (ok) void list.reload();
  };

  return (
    <div class="stack">
      <Card title={t.downloadHeading} intro={t.downloadIntro}>
        <button type="button" class="primary" data-action="download-backup" onClick={download}>
          ⤓ {t.download}
        </button>
        {downloadFailed && <p class="error">{reportTexts.downloadFailed}</p>}
      </Card>
      <Card title={t.restoreHeading} intro={t.restoreIntro}>
        <div class="file-row">
          <label class="labelled inline">
            <span class="label-text">{t.chooseFile}</span>
            <input type="file" name="backup-file" accept=".tar.gz,.tgz,application/gzip" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
          </label>
          <button type="button" class="danger" data-action="restore-backup" disabled={!file || busy} onClick={() => setConfirming(true)}>
            {busy ? t.restoring : t.restore}
          </button>
        </div>
        {result && <p class={result.ok ? 'banner ok' : 'banner error'}>{result.text}</p>}
      </Card>
      <SecondLocationCard />
      <Card title={t.listHeading}>
        {list.status === 404 && <p class="muted">{appTexts.notAvailable}</p>}
        {list.data && list.data.length === 0 && <p class="muted">{t.listEmpty}</p>}
        {list.data && list.data.length > 0 && (
          <div class="table-scroll"><table class="data-table">
            <thead>
              <tr>
                <th>{t.fileName}</th>
                <th>{t.createdAt}</th>
                <th class="num">{t.size}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.map((b) => (
                <tr key={b.name}>
                  <td class="mono">{b.name}</td>
                  <td>{dateTimeText(b.createdAt)}</td>
                  <td class="num">{sizeText(b.size)}</td>
                  <td>
                    <button type="button" class="small" onClick={() => void client.download('backups:file', { name: b.name }, b.name)}>
                      ⤓ {t.downloadOne}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
      </Card>
      {confirming && file && (
        <Dialog
          title={t.restoreConfirmTitle}
          onClose={() => setConfirming(false)}
          onSubmit={() => void restore()}
          actions={
            <button type="submit" class="danger" data-action="confirm-restore">
              {t.restore}
            </button>
          }
        >
          <p>{t.restoreConfirm(file.name)}</p>
        </Dialog>
      )}
    </div>
  );
}
