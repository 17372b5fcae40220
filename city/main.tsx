// The city managers' app: every centre's figures live and for any period, the centres and
// their credentials, the city's procedure catalogue. Same look as a centre's managers' app.
import { render } from 'preact';
import { useMemo } from 'preact/hooks';
import { useStored } from '@client/hooks';
import { ApiContext, createApiClient } from '../manager/api-client';
import { useHashRoute } from '../manager/hash-route';
import { CataloguePage } from './catalogue-page';
import { CentresPage } from './centres-page';
import { CityShell } from './city-shell';
import { Login } from './login';
import { ReportsPage } from './reports-page';
import { TodayPage } from './today-page';
import '../manager/style.css';

const TOKEN_KEY = 'qms.city.token';

function SignedIn(props: { token: string; onSignedOut: () => void }) {
  const client = useMemo(() => createApiClient(props.token, props.onSignedOut), [props.token]);
  const [section = 'hom-nay'] = useHashRoute();
  const signOut = () => {
    void client.send('POST', '/api/auth/logout');
    props.onSignedOut();
  };
  return (
    <ApiContext.Provider value={client}>
      <CityShell section={section} onSignOut={signOut}>
        {section === 'bao-cao' ? <ReportsPage /> : section === 'trung-tam' ? <CentresPage /> : section === 'danh-muc' ? <CataloguePage /> : <TodayPage />}
      </CityShell>
    </ApiContext.Provider>
  );
}

function App() {
  const [token, setToken] = useStored(TOKEN_KEY);
  if (!token) return <Login onSignedIn={setToken} />;
  return <SignedIn token={token} onSignedOut={() => setToken(null)} />;
}

render(<App />, document.getElementById('app')!);
