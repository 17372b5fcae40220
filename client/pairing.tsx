// The first screen of a device that has no token yet: a 6-digit code from a manager, or a
// manager signing in right there and choosing which device this is.
import { useState } from 'preact/hooks';
import type { DeviceStatus } from '@protocol/accounts';
import type { DeviceRole } from '@protocol/config';
import { request } from './api';
import { errorText, sharedTexts as t } from './texts';

export function Pairing(props: { role: DeviceRole; onPaired: (token: string) => void }) {
  const [code, setCode] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [managerToken, setManagerToken] = useState<string | null>(null);
  const [devices, setDevices] = useState<DeviceStatus[]>([]);
  const [error, setError] = useState('');

  const pairWithCode = async (e: Event) => {
    e.preventDefault();
    const res = await request('device:pair', { code: code.trim() });
    if (res.ok) props.onPaired(res.data.token);
    else setError(errorText(res.error));
  };
  const signIn = async (e: Event) => {
    e.preventDefault();
    const res = await request('auth:login', { username, password });
    if (!res.ok) return setError(errorText(res.error));
    const list = await request('devices:list', {}, res.data.token);
    if (!list.ok) return setError(errorText(list.error));
    setManagerToken(res.data.token);
    setDevices(list.data.filter((d) => d.role === props.role));
    setError('');
  };
  const choose = async (deviceId: string) => {
    const res = await request('device:pair', { deviceId }, managerToken);
    if (res.ok) props.onPaired(res.data.token);
    else setError(errorText(res.error));
  };

  return (
    <div class="pairing">
      <h1>{t.pairTitle}</h1>
      <p>{t.pairIntro}</p>
      {managerToken ? (
        <div>
          <h2>{t.chooseDevice}</h2>
          <div class="device-list">
            {devices.map((d) => (
              <button key={d.id} class="big-button" data-device={d.id} onClick={() => choose(d.id)}>
                {d.name}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <div class="pairing-forms">
          <form onSubmit={pairWithCode}>
            <h2>{t.withCode}</h2>
            <label>
              {t.pairCode}
              <input name="code" inputMode="numeric" maxLength={6} value={code} onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
            </label>
            <button type="submit" class="big-button">{t.pairButton}</button>
          </form>
          <form onSubmit={signIn}>
            <h2>{t.orManager}</h2>
            <label>
              {t.username}
              <input name="username" value={username} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} />
            </label>
            <label>
              {t.password}
              <input name="password" type="password" value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
            </label>
            <button type="submit" class="big-button">{t.signIn}</button>
          </form>
        </div>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}

/** The connection banner every device shows when it cannot reach the server. */
export function ConnectionBanner(props: { status: string }) {
  if (props.status === 'online') return null;
  const text = props.status === 'unauthorized' ? t.unauthorized : props.status === 'connecting' ? t.connecting : t.offline;
  return <div class={`connection-banner ${props.status}`} role="status">{text}</div>;
}
