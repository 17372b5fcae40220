// The information kiosk: the ticket kiosk's device started in look-up mode. It pairs as a
// kiosk-role device, so "take a number" on a procedure issues the ticket right here.
import { render } from 'preact';
import { KioskDevice } from '../kiosk/kiosk-device';
// The kiosk's stylesheet includes the look-up's.
import '../kiosk/style.css';

render(<KioskDevice home="lookup" tokenKey="qms.lookup.token" />, document.getElementById('app')!);
