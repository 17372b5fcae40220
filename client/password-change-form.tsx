// A person replaces their own password. After a sign-in with a default or reset password the
// current one is already known (just typed) and the form is the only way on; from a console's
// menu it asks for the current one and can be cancelled.
import { useState } from 'preact/hooks';
import { request } from './api';
import { errorText, passwordTexts as t } from './texts';

export function PasswordChangeForm(props: {
  token: string;
  /** Known after a forced sign-in; asked for otherwise. */
  currentPassword?: string;
  onChanged: () => void;
  onCancel?: () => void;
  class?: string;
  buttonClass?: string;
}) {
  const [current, setCurrent] = useState(props.currentPassword ?? '');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const forced = props.currentPassword !== undefined;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (next.length < 8) return setError(t.tooShort);
    if (next !== repeat) return setError(t.mismatch);
    setBusy(true);
    const res = await request('auth:change-password', { currentPassword: current, newPassword: next }, props.token);
    setBusy(false);
    if (!res.ok) return setError(errorText(res.error));
    props.onChanged();
  };

  return (
    <form class={`password-change ${props.class ?? ''}`} onSubmit={submit}>
      <h1>{forced ? t.forcedHeading : t.heading}</h1>
      {forced && <p class="password-intro">{t.forcedIntro}</p>}
      {!forced && (
        <label class="labelled">
          <span class="label-text">{t.current}</span>
          <input name="current-password" type="password" autoComplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} required />
        </label>
      )}
      <label class="labelled">
        <span class="label-text">{t.next}</span>
        <input name="new-password" type="password" autoComplete="new-password" value={next} onInput={(e) => setNext(e.currentTarget.value)} required />
      </label>
      <label class="labelled">
        <span class="label-text">{t.repeat}</span>
        <input name="repeat-password" type="password" autoComplete="new-password" value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} required />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class={props.buttonClass ?? 'primary'} disabled={busy}>
        {t.save}
      </button>
      {props.onCancel && (
        <button type="button" class="plain-button" onClick={props.onCancel}>
          {t.cancel}
        </button>
      )}
    </form>
  );
}
