// Where the second copy of every daily backup goes (a USB drive, a network share), whether the
// last copy worked and when the last good one was made. Saving the folder copies at once.
import { useEffect, useState } from 'preact/hooks';
import { useApi } from '../api-client';
import { Card } from '../card';
import { dateTimeText } from '../format';
import { secondLocationTexts as t } from '../texts';
import { useResource } from '../use-resource';
import { vietnameseMessage } from './config-messages';

export function SecondLocationCard() {
  const client = useApi();
  const status = useResource('backups:second-location', {});
  const [path, setPath] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    if (status.data && path === null) setPath(status.data.location);
  }, [status.data]);

  const copyNow = async () => {
    setBusy(true);
    await client.request('backup:copy-to-second-location', {});
    await status.reload();
    setBusy(false);
  };
  const save = async () => {
    setBusy(true);
    setRefusal(null);
    const config = await client.request('config:read', {});
    if (config.ok) {
      const saved = await client.request('config:save', { ...config.data, backup: { ...config.data.backup, secondLocation: (path ?? '').trim() } });
      if (saved.ok) await client.request('backup:copy-to-second-location', {});
      else setRefusal(saved.error.details?.map((d) => vietnameseMessage(d.message)).join(' ') ?? saved.error.messageVi);
    } else setRefusal(config.error.messageVi);
    await status.reload();
    setBusy(false);
  };

  const s = status.data;
  return (
    <Card title={t.heading} intro={t.intro}>
      <div class="file-row">
        <label class="labelled inline">
          <span class="label-text">{t.folder}</span>
          <input type="text" name="second-location" class="mono" size={40} placeholder={t.placeholder} value={path ?? ''} onInput={(e) => setPath(e.currentTarget.value)} />
        </label>
        <button type="button" class="primary" data-action="save-second-location" disabled={busy} onClick={() => void save()}>
          {t.save}
        </button>
        <button type="button" class="secondary" data-action="copy-now" disabled={busy || !s?.location} onClick={() => void copyNow()}>
          {busy ? t.copying : t.copyNow}
        </button>
      </div>
      {refusal && <p class="error">{refusal}</p>}
      {s && !s.location && <p class="muted" data-second-copy="off">{t.off}</p>}
      {s?.location && (
        <p class={s.lastGoodCopy ? 'banner ok' : 'banner info'} data-second-copy="last-good">
          {s.lastGoodCopy ? t.lastGood(s.lastGoodCopy.name, dateTimeText(s.lastGoodCopy.at)) : t.noCopyYet}
        </p>
      )}
      {s?.location && s.problem && (
        <p class="banner error" data-second-copy="problem">
          {t.problem(dateTimeText(s.problem.at), s.problem.message)}
        </p>
      )}
    </Card>
  );
}
