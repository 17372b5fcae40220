// Sign-in for managers. Staff accounts are refused here: they work at the counter screens.
import { useState } from 'preact/hooks';
import { request } from '@client/api';
import { errorText } from '@client/texts';
import { loginTexts as t } from './texts';

export function LoginScreen(props: { onSignedIn: (token: string) => void; notice?: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(props.notice ?? '');
  const [busy, setBusy] = useState(false);

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
    props.onSignedIn(res.data.token);
  };

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit}>
        <div class="login-emblem" aria-hidden="true">★</div>
        <h1>{t.heading}</h1>
        <p class="login-intro">{t.intro}</p>
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
