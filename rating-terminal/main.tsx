import { render } from 'preact';
import { useStored } from '@client/hooks';
import { Pairing } from '@client/pairing';
import { DEVICE_TOKEN_KEY } from './device-token';
import { Terminal } from './terminal';
import './style.css';

function App() {
  const [token, setToken] = useStored(DEVICE_TOKEN_KEY);
  if (!token) return <Pairing role="rating-terminal" touch onPaired={setToken} />;
  return <Terminal token={token} onUnpaired={() => setToken(null)} />;
}

render(<App />, document.getElementById('app')!);
