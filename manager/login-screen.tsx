// Sign-in for managers. Staff accounts are refused here: they work at the counter screens.
import { useState } from 'preact/hooks';
import { request } from '@client/api';
import { PasswordChangeForm } from '@client/password-change-form';
import { errorText } from '@client/texts';
import { loginTexts as t } from './texts';

/** heading and intro let the city managers' app sign in the same way under its own title. */
export function LoginScreen(props: { onSignedIn: (token: string) => void; notice?: string; heading?: string; intro?: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(props.notice ?? '');
  const [busy, setBusy] = useState(false);
  const [mustChange, setMustChange] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const res = await request('auth:login', { username, password });
    setBusy(false);
    if (!res.ok) return setError(errorText(res.error));
    if (res.data.user.role !== 'manager') {
      // The session is of no use here; end it rather than leave it open.
      void request('auth:logout', {}, res.data.token);
      return setError(t.notManager);
    }
    if (res.data.mustChangePassword) return setMustChange(res.data.token);
    props.onSignedIn(res.data.token);
  };

  if (mustChange) {
    return (
      <main class="login">
        <PasswordChangeForm class="login-card" buttonClass="primary wide" token={mustChange} currentPassword={password} onChanged={() => props.onSignedIn(mustChange)} />
      </main>
    );
  }

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit}>
        <div class="login-emblem" aria-hidden="true">★</div>
        <h1>{props.heading ?? t.heading}</h1>
        <p class="login-intro">{props.intro ?? t.intro}</p>
        <label class="labelled">
          <span class="label-text">{t.username}</span>
          <input name="username" autoComplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} required />
        </label>
        <label class="labelled">
          <span class="label-text">{t.password}</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary wide" disabled={busy}>
          {t.submit}
        </button>
      </form>
    </main>
  );
}
