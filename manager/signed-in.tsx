// Everything after sign-in: who is signed in, the live connection, the configuration being
// edited, and the page the address names.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { operations } from '@protocol/api';
import type { CentreConfig } from '@protocol/config';
import type { Principal } from '@protocol/events';
import { request } from '@client/api';
import { useConnection } from '@client/hooks';
import { errorText } from '@client/texts';
import { AdminPage } from './admin/admin-page';
import { ConfigEditorProvider } from './admin/config-editor';
import { ApiContext, createApiClient } from './api-client';
import { useHashRoute } from './hash-route';
import { ReportsPage } from './reports/reports-page';
import { Shell } from './shell';
import { appTexts } from './texts';
import { TodayPage } from './today/today-page';

export function SignedIn(props: { token: string; onSignedOut: () => void }) {
  const client = useMemo(() => createApiClient(operations, props.token, props.onSignedOut), [props.token]);
  const live = useConnection(props.token);
  const route = useHashRoute();
  const [me, setMe] = useState<Principal | null>(null);
  const [config, setConfig] = useState<CentreConfig | null>(null);
  const [loadError, setLoadError] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void (async () => {
      const who = await client.request('session:read', {});
      if (who.ok && who.data.role !== 'manager') return props.onSignedOut();
      if (who.ok) setMe(who.data);
      const cfg = await client.request('config:read', {});
      if (cfg.ok) setConfig(cfg.data);
      else setLoadError(errorText(cfg.error));
    })();
  }, [client, attempt]);
  useEffect(() => {
    if (live.data.status === 'unauthorized') props.onSignedOut();
  }, [live.data.status]);

  const signOut = () => {
    void request('auth:logout', {}, props.token);
    props.onSignedOut();
  };

  if (!config) {
    return (
      <div class="page-loading">
        {loadError ? (
          <>
            <p class="error">{loadError}</p>
            <button type="button" class="primary" onClick={() => (setLoadError(''), setAttempt((n) => n + 1))}>
              {appTexts.retry}
            </button>
          </>
        ) : (
          appTexts.loading
        )}
      </div>
    );
  }
  const section = route[0] ?? 'hom-nay';
  return (
    <ApiContext.Provider value={client}>
      <ConfigEditorProvider initial={config} live={live.data.snapshot?.config ?? null}>
        <Shell section={section} userName={me?.name ?? ''} centreName={live.data.snapshot?.config.centre.name ?? config.centre.name} status={live.data.status} onSignOut={signOut}>
          {section === 'bao-cao' ? (
            <ReportsPage today={live.data.state?.day ?? null} params={route.slice(1)} config={live.data.snapshot?.config ?? config} />
          ) : section === 'quan-tri' ? (
            <AdminPage tab={route[1] ?? 'chung'} live={live.data} />
          ) : (
            <TodayPage live={live.data} />
          )}
        </Shell>
      </ConfigEditorProvider>
    </ApiContext.Provider>
  );
}
