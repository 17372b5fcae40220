// The link to the city: whether figures are getting through, how many closed days wait to
// be sent, and the city's address and the centre's credential (the credential is never shown).
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@client/texts';
import { useApi } from '../api-client';
import { Card } from '../card';
import { count, dateTimeText, viDay } from '../format';
import { appTexts, cityLinkTexts as t } from '../texts';
import { useResource } from '../use-resource';

export function CityLinkSection() {
  const client = useApi();
  const link = useResource('city-link:read', {});
  const [url, setUrl] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    const timer = setInterval(() => void link.reload(), 5000);
    return () => clearInterval(timer);
  }, [link.reload]);
  const s = link.data;
  if (!s) return <p class="page-loading">{link.error ? errorText(link.error) : appTexts.loading}</p>;
  const save = async (e: Event) => {
    e.preventDefault();
    const res = await client.request('city-link:save', { url: url ?? (s.source === 'app' ? s.url : ''), token });
    setMessage(res.ok ? t.saved : res.error.details?.map((d) => d.message).join(' ') || errorText(res.error));
    if (res.ok) {
      setToken('');
      await link.reload();
    }
  };
  return (
    <div class="stack" data-section="city-link">
      <Card title={t.state} intro={t.intro}>
        <p>
          <span class="status-pill" data-link-status={s.status}>
            {t.status[s.status]}
          </span>{' '}
          <strong data-backlog={s.backlogDays}>{t.backlog(count(s.backlogDays))}</strong>
        </p>
        <p class="muted">{s.lastSuccessAt ? t.lastSuccess(dateTimeText(s.lastSuccessAt, true)) : t.never}</p>
        {s.problem && <p class="error">{s.problem}</p>}
        {s.lastError && s.lastErrorAt && <p class="error">{t.lastError(s.lastError, dateTimeText(s.lastErrorAt, true))}</p>}
        {s.refused.length > 0 && (
          <>
            <p class="error">{t.refused}</p>
            <ul>
              {s.refused.map((r) => (
                <li key={r.day}>
                  {viDay(r.day)}: {r.message}
                </li>
              ))}
            </ul>
          </>
        )}
        <p class="muted">{t.catalogue(s.catalogue.version)}</p>
        {s.catalogue.error && <p class="error">{s.catalogue.error}</p>}
      </Card>
      <Card title={t.settings} intro={t.settingsIntro}>
        <form class="stack" onSubmit={save}>
          <label class="labelled">
            <span class="label-text">{t.url}</span>
            <input name="city-url" type="url" placeholder="https://" value={url ?? (s.source === 'app' ? s.url : '')} onInput={(e) => setUrl(e.currentTarget.value)} />
          </label>
          {s.source === 'env' && <p class="muted">{t.fromEnv} ({s.url})</p>}
          <label class="labelled">
            <span class="label-text">{t.token}</span>
            <input name="city-token" type="password" autoComplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
          </label>
          {s.tokenSet && <p class="muted">{t.tokenKept}</p>}
          <div>
            <button type="submit" class="primary">
              {t.save}
            </button>
          </div>
          {message && <p role="status">{message}</p>}
        </form>
      </Card>
    </div>
  );
}
