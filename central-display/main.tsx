// The central TV: paired once as a 'central-display' device, then it shows the calls.
import { render } from 'preact';
import { useStored } from '@client/hooks';
import { Pairing } from '@client/pairing';
import { CentralScreen } from './central-screen';
import './style.css';

const TOKEN_KEY = 'qms.central-display.device-token';

function App() {
  const [token, setToken] = useStored(TOKEN_KEY);
  if (!token) return <Pairing role="central-display" onPaired={setToken} />;
  return <CentralScreen token={token} onRevoked={() => setToken(null)} />;
}

render(<App />, document.getElementById('app')!);
