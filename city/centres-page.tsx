// The centres the city knows: how each link is doing, a new centre's credential (shown once),
// a credential revoked or replaced.
import { useState } from 'preact/hooks';
import type { CityCentre, NewCentreToken } from '@protocol/city';
import { errorText } from '@client/texts';
import { useCityApi as useApi } from './city-api';
import { Card } from '../manager/card';
import { count, dateTimeText, viDay } from '../manager/format';
import { useCityResource as useResource } from './city-api';
import { appTexts, centreTexts as t } from './texts';

function statusOf(c: CityCentre): string {
  if (c.revoked) return t.revoked;
  if (c.lastContactAt === null) return t.never;
  return c.online ? t.online : t.offline;
}

export function CentresPage() {
  const client = useApi();
  const centres = useResource('city-centres:list', {});
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [issued, setIssued] = useState<(NewCentreToken & { name: string }) | null>(null);

  const create = async (e: Event) => {
    e.preventDefault();
    const res = await client.request('city-centre:register', { id: id.trim(), name: name.trim() });
    if (!res.ok) return setError(res.error.details?.map((d) => d.message).join(' ') || errorText(res.error));
    setError('');
    setIssued({ ...res.data, name: name.trim() });
    setId('');
    setName('');
    await centres.reload();
  };
  const act = async (c: CityCentre, action: 'revoke' | 'token') => {
    if (action === 'revoke' && !confirm(t.confirmRevoke(c.name))) return;
    if (action === 'token') {
      const res = await client.request('city-centre:reissue-token', { id: c.id });
      if (!res.ok) return setError(errorText(res.error));
      setIssued({ ...res.data, name: c.name });
    } else {
      const res = await client.request('city-centre:revoke', { id: c.id });
      if (!res.ok) return setError(errorText(res.error));
    }
    await centres.reload();
  };

  return (
    <div class="page" data-page="city-centres">
      <div class="page-head">
        <h1>{t.heading}</h1>
      </div>
      <p class="muted">{t.intro}</p>
      {issued && (
        <Card title={t.tokenTitle(issued.name)} class="token-card">
          <p>{t.tokenNote}</p>
          <p class="mono" data-token>
            {issued.token}
          </p>
          <button type="button" class="secondary" onClick={() => void navigator.clipboard?.writeText(issued.token)}>
            {t.copy}
          </button>
        </Card>
      )}
      <Card title={t.add}>
        <form class="custom-range" onSubmit={create}>
          <label class="labelled">
            <span class="label-text">{t.id}</span>
            <input name="id" value={id} onInput={(e) => setId(e.currentTarget.value)} required pattern="[a-z0-9][a-z0-9-]{1,47}" />
          </label>
          <label class="labelled">
            <span class="label-text">{t.name}</span>
            <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={120} />
          </label>
          <button type="submit" class="primary">
            {t.create}
          </button>
        </form>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </Card>
      <Card>
        {!centres.data ? (
          <p class="page-loading">{centres.error ? errorText(centres.error) : appTexts.loading}</p>
        ) : centres.data.length === 0 ? (
          <p class="muted">{t.none}</p>
        ) : (
          <div class="table-scroll">
            <table class="data-table" data-table="centres">
              <thead>
                <tr>
                  {[t.name, t.status, t.lastContact, t.backlog, t.lastDay, t.days, ''].map((h, i) => (
                    <th key={i}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {centres.data.map((c) => (
                  <tr key={c.id} data-centre={c.id}>
                    <td>
                      <strong>{c.name}</strong>
                      <div class="muted mono">{c.id}</div>
                    </td>
                    <td>
                      <span class="status-pill">{statusOf(c)}</span>
                    </td>
                    <td>{c.lastContactAt ? dateTimeText(c.lastContactAt) : '—'}</td>
                    <td class="num">{c.backlogDays === null ? '—' : count(c.backlogDays)}</td>
                    <td>{c.lastDay ? viDay(c.lastDay) : '—'}</td>
                    <td class="num">{count(c.days)}</td>
                    <td class="nowrap">
                      <button type="button" class="small" onClick={() => void act(c, 'token')}>
                        {t.reissue}
                      </button>{' '}
                      {!c.revoked && (
                        <button type="button" class="small danger" onClick={() => void act(c, 'revoke')}>
                          {t.revoke}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
