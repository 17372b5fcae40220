// A new account: username, full name, role and a first password.
import { useState } from 'preact/hooks';
import { useApi } from '../api-client';
import { Card } from '../card';
import { usersTexts as t } from '../texts';
import { refusal } from '../refusal';

export function UserForm(props: { onCreated: (username: string) => void }) {
  const client = useApi();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<'staff' | 'guide' | 'manager'>('staff');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');

  const submit = async (e: Event) => {
    e.preventDefault();
    const res = await client.request('user:create', { username: username.trim(), name: name.trim(), role, password });
    if (!res.ok) return setError(refusal(res.error));
    setError('');
    setUsername('');
    setName('');
    setPassword('');
    props.onCreated(res.data.username);
  };

  return (
    <Card title={t.createHeading}>
      <form class="form-grid" onSubmit={submit} data-form="new-user">
        <label class="labelled">
          <span class="label-text">{t.username}</span>
          <input name="new-username" required pattern="[A-Za-z0-9._\-]{3,40}" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label class="labelled">
          <span class="label-text">{t.name}</span>
          <input name="new-name" required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="labelled">
          <span class="label-text">{t.role}</span>
          <select name="new-role" value={role} onChange={(e) => setRole(e.currentTarget.value as 'staff' | 'guide' | 'manager')}>
            <option value="staff">{t.roles.staff}</option>
            <option value="guide">{t.roles.guide}</option>
            <option value="manager">{t.roles.manager}</option>
          </select>
        </label>
        <label class="labelled">
          <span class="label-text">{t.password}</span>
          <input name="new-password" type="password" autoComplete="new-password" required minLength={8} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <div class="form-actions wide">
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="primary" data-action="create-user">
            {t.create}
          </button>
        </div>
      </form>
    </Card>
  );
}
