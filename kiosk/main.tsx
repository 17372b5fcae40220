import { render } from 'preact';
import { KioskDevice } from './kiosk-device';
import './style.css';

render(<KioskDevice home="fields" tokenKey="qms.kiosk.token" />, document.getElementById('app')!);
