// The managers' app: sign in, then today's queue, period reports and administration.
import { render } from 'preact';
import { useStored } from '@client/hooks';
import { LoginScreen } from './login-screen';
import { SignedIn } from './signed-in';
import './style.css';

const TOKEN_KEY = 'qms.manager.token';

function App() {
  const [token, setToken] = useStored(TOKEN_KEY);
  if (!token) return <LoginScreen onSignedIn={setToken} />;
  return <SignedIn token={token} onSignedOut={() => setToken(null)} />;
}

render(<App />, document.getElementById('app')!);
