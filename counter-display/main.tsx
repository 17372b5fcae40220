// One app, two faces: the public number display on the device above the counter, and the
// staff console on the staff member's PC. The address (?console / ?display) or the start
// screen picks the face; each keeps its own token so both can live in one browser.
import { render } from 'preact';
import { CounterScreen } from './counter-screen';
import { StaffConsole } from './staff-console';
import { StartScreen } from './start-screen';
import { DEVICE_TOKEN_KEY, STAFF_TOKEN_KEY } from './storage-keys';
import './style.css';

type Mode = 'display' | 'console' | 'choose';

function chosenMode(): Mode {
  const params = new URLSearchParams(location.search);
  if (params.has('console')) return 'console';
  if (params.has('display')) return 'display';
  if (localStorage.getItem(DEVICE_TOKEN_KEY)) return 'display';
  if (localStorage.getItem(STAFF_TOKEN_KEY)) return 'console';
  return 'choose';
}

function App() {
  const mode = chosenMode();
  if (mode === 'display') return <CounterScreen />;
  if (mode === 'console') return <StaffConsole />;
  return <StartScreen />;
}

render(<App />, document.getElementById('app')!);
