// Username and password → a session token for the console.
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '@client/api';
import { PasswordChangeForm } from '@client/password-change-form';
import { errorText } from '@client/texts';
import { texts as t } from './texts';

export function SignInForm(props: { notice: string; onSignedIn: (token: string) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [mustChange, setMustChange] = useState<string | null>(null);
  const usernameBox = useRef<HTMLInputElement>(null);
  useEffect(() => usernameBox.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const res = await request('auth:login', { username, password });
    setBusy(false);
    if (!res.ok) return setError(errorText(res.error));
    // A default or reset password: the session is good for nothing until it changes.
    if (res.data.mustChangePassword) setMustChange(res.data.token);
    else props.onSignedIn(res.data.token);
  };

  if (mustChange) {
    return (
      <main class="console-card sign-in">
        <PasswordChangeForm buttonClass="big-button" token={mustChange} currentPassword={password} onChanged={() => props.onSignedIn(mustChange)} />
      </main>
    );
  }

  return (
    <main class="console-card sign-in">
      <h1>{t.consoleTitle}</h1>
      {props.notice && <p class="console-notice">{props.notice}</p>}
      <form onSubmit={submit}>
        <label>
          {t.username}
          <input ref={usernameBox} name="username" autoComplete="username" value={username} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t.password}
          <input name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="big-button" disabled={busy || !username || !password}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
    </main>
  );
}
