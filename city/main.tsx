// The city managers' app: every centre's figures live and for any period, the centres and
// their credentials, the city's procedure catalogue. Same look as a centre's managers' app.
import { render } from 'preact';
import { useMemo } from 'preact/hooks';
import { useStored } from '@client/hooks';
import { cityOperations } from '@protocol/city-api';
import { createApiClient } from '../manager/api-client';
import { CityApiContext } from './city-api';
import { LoginScreen } from '../manager/login-screen';
import { useHashRoute } from '../manager/hash-route';
import { Shell, type ShellSection } from '../manager/shell';
import { useCityResource as useResource } from './city-api';
import { CataloguePage } from './catalogue-page';
import { CentresPage } from './centres-page';
import { ReportsPage } from './reports-page';
import { appTexts, loginTexts, navTexts } from './texts';
import { TodayPage } from './today-page';
import '../manager/style.css';

const TOKEN_KEY = 'qms.city.token';

const SECTIONS: ShellSection[] = [
  { id: 'hom-nay', label: navTexts.today, icon: '◉' },
  { id: 'bao-cao', label: navTexts.reports, icon: '▤' },
  { id: 'trung-tam', label: navTexts.centres, icon: '⌂' },
  { id: 'danh-muc', label: navTexts.catalogue, icon: '☰' },
];

function Pages(props: { section: string; onSignOut: () => void }) {
  const me = useResource('city-session:read', {});
  const { section } = props;
  return (
    <Shell section={section} sections={SECTIONS} title={appTexts.title} centreName={appTexts.subtitle} userName={me.data?.name ?? ''} status="online" onSignOut={props.onSignOut}>
      {section === 'bao-cao' ? <ReportsPage /> : section === 'trung-tam' ? <CentresPage /> : section === 'danh-muc' ? <CataloguePage /> : <TodayPage />}
    </Shell>
  );
}

function SignedIn(props: { token: string; onSignedOut: () => void }) {
  const client = useMemo(() => createApiClient(cityOperations, props.token, props.onSignedOut), [props.token]);
  const [section = 'hom-nay'] = useHashRoute();
  const signOut = () => {
    void client.request('city-session:end', {});
    props.onSignedOut();
  };
  return (
    <CityApiContext.Provider value={client}>
      <Pages section={section} onSignOut={signOut} />
    </CityApiContext.Provider>
  );
}

function App() {
  const [token, setToken] = useStored(TOKEN_KEY);
  if (!token) return <LoginScreen onSignedIn={setToken} heading={loginTexts.heading} intro={loginTexts.intro} />;
  return <SignedIn token={token} onSignedOut={() => setToken(null)} />;
}

render(<App />, document.getElementById('app')!);
