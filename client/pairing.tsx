// The first screen of a device that has no token yet: a 6-digit code from a manager, or a
// manager signing in right there and choosing which device this is.
import { useState } from 'preact/hooks';
import type { DeviceStatus } from '@protocol/accounts';
import type { DeviceRole } from '@protocol/config';
import { request } from './api';
import { applyKey, OnScreenKeyboard, type KeyPress } from './on-screen-keyboard';
import { errorText, sharedTexts as t } from './texts';

type Field = 'code' | 'username' | 'password';

/** touch: the device has no keyboard (kiosk, look-up, rating terminal), so the screen draws one. */
export function Pairing(props: { role: DeviceRole; onPaired: (token: string) => void; touch?: boolean }) {
  const [code, setCode] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [active, setActive] = useState<Field>('code');
  const type = (k: KeyPress) => {
    if (active === 'code') setCode((c) => applyKey(c, k).replace(/\D/g, '').slice(0, 6));
    else if (active === 'username') setUsername((u) => applyKey(u, k));
    else setPassword((p) => applyKey(p, k));
  };
  const signingInByTouch = props.touch === true && active !== 'code';
  // On a touch screen the drawn keyboard types; "none" keeps a system one from covering it.
  const touchInput = (field: Field) => (props.touch ? { inputMode: 'none' as const, onFocus: () => setActive(field), 'data-active': active === field ? 'true' : undefined } : {});
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
    <div class={`pairing${props.touch ? ' pairing-touch' : ''}`}>
      <h1>{t.pairTitle}</h1>
      {!signingInByTouch && <p>{t.pairIntro}</p>}
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
        <div class={`pairing-forms${signingInByTouch ? ' signing-in' : ''}`}>
          {signingInByTouch ? (
            // The drawn keyboard needs the room of the code form; one tap brings it back.
            <button type="button" class="plain-link" data-action="use-code" onClick={() => setActive('code')}>
              ← {t.backToCode}
            </button>
          ) : (
          <form onSubmit={pairWithCode}>
            <h2>{t.withCode}</h2>
            <label>
              {t.pairCode}
              <input name="code" inputMode="numeric" maxLength={6} autoComplete="off" value={code} onInput={(e) => setCode((e.target as HTMLInputElement).value)} {...touchInput('code')} />
            </label>
            {props.touch && active === 'code' && <OnScreenKeyboard layout="digits" onKey={type} />}
            <button type="submit" class="big-button">{t.pairButton}</button>
          </form>
          )}
          <form onSubmit={signIn}>
            <h2>{t.orManager}</h2>
            <label>
              {t.username}
              <input name="username" autoComplete="off" value={username} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} {...touchInput('username')} />
            </label>
            <label>
              {t.password}
              <input name="password" type="password" value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} {...touchInput('password')} />
            </label>
            <button type="submit" class="big-button">{t.signIn}</button>
          </form>
          {signingInByTouch && <OnScreenKeyboard withShift onKey={type} />}
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
