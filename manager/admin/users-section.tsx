// Accounts: staff at the counters and managers. Create, rename, change role, disable,
// reset a password, set a photo (shown on the counter display).
import { useState } from 'preact/hooks';
import type { UserAccount } from '@protocol/accounts';
import { errorText } from '@client/texts';
import { useApi } from '../api-client';
import { Card } from '../card';
import { Dialog } from '../dialog';
import { refusal } from '../refusal';
import { appTexts, usersTexts as t } from '../texts';
import { useResource } from '../use-resource';
import { squarePhoto } from './photo';
import { UserForm } from './user-form';

type Editing = { kind: 'password' | 'name'; user: UserAccount } | null;

export function UsersSection() {
  const client = useApi();
  const users = useResource('users:list', {});
  // A manager cannot lock themselves out (disable or demote their own account) from here.
  const me = useResource('session:read', {});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [value, setValue] = useState('');

  const patch = async (user: UserAccount, body: Record<string, unknown>, done?: string) => {
    const res = await client.request('user:update', { userId: user.id, ...body });
    setMessage(res.ok ? (done ? { ok: true, text: done } : null) : { ok: false, text: refusal(res.error) });
    if (res.ok) await users.reload();
    return res.ok;
  };
  const choosePhoto = async (user: UserAccount, file: File | undefined) => {
    if (!file) return;
    const photo = await squarePhoto(file);
    if (!photo.ok) return setMessage({ ok: false, text: photo.reason === 'too-large' ? t.photoTooLarge : t.photoUnreadable });
    await patch(user, { photoUrl: photo.url });
  };
  const submitEdit = async () => {
    if (!editing) return;
    const ok =
      editing.kind === 'password'
        ? await patch(editing.user, { password: value }, t.passwordChanged(editing.user.name))
        : await patch(editing.user, { name: value.trim() });
    if (ok) setEditing(null);
  };

  return (
    <div class="stack">
      <Card title={t.heading} intro={t.intro}>
        {message && (
          <p class={message.ok ? 'banner ok' : 'banner error'} role="status">
            {message.text}
          </p>
        )}
        {users.error && <p class="error">{errorText(users.error)}</p>}
        {users.data && users.data.some((u) => u.active && u.mustChangePassword) && (
          <p class="banner warn" data-default-passwords>
            {t.defaultPasswordCount(users.data.filter((u) => u.active && u.mustChangePassword).length)}
          </p>
        )}
        {!users.data && !users.error && <p class="muted">{appTexts.loading}</p>}
        {users.data && (
          <div class="table-scroll">
            <table class="data-table users">
              <thead>
                <tr>
                  <th>{t.photo}</th>
                  <th>{t.username}</th>
                  <th>{t.name}</th>
                  <th>{t.role}</th>
                  <th>{t.state}</th>
                  <th>{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => (
                  <tr key={u.id} data-user={u.username} class={u.active ? '' : 'inactive'}>
                    <td>
                      {u.photoUrl ? <img class="avatar" src={u.photoUrl} alt="" /> : <span class="avatar empty" aria-hidden="true">{u.name.slice(0, 1)}</span>}
                    </td>
                    <td class="mono">{u.username}</td>
                    <td>{u.name}</td>
                    <td>
                      <select value={u.role} aria-label={t.role} disabled={u.id === me.data?.id} onChange={(e) => void patch(u, { role: e.currentTarget.value })}>
                        <option value="staff">{t.roles.staff}</option>
                        <option value="guide">{t.roles.guide}</option>
                        <option value="manager">{t.roles.manager}</option>
                      </select>
                    </td>
                    <td>
                      <span class={`status-pill ${u.active ? 'open' : 'closed'}`}>{u.active ? t.active : t.disabled}</span>
                      {u.mustChangePassword && (
                        <span class="status-pill paused" data-default-password title={t.defaultPasswordHint}>
                          {t.defaultPassword}
                        </span>
                      )}
                    </td>
                    <td class="user-actions">
                      <button type="button" class="small" onClick={() => (setValue(u.name), setMessage(null), setEditing({ kind: 'name', user: u }))}>
                        {t.rename}
                      </button>
                      <button type="button" class="small" data-action="reset-password" onClick={() => (setValue(''), setMessage(null), setEditing({ kind: 'password', user: u }))}>
                        {t.resetPassword}
                      </button>
                      <label class="small file-button">
                        {t.changePhoto}
                        <input type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => void choosePhoto(u, e.currentTarget.files?.[0])} />
                      </label>
                      {u.photoUrl && (
                        <button type="button" class="small" onClick={() => void patch(u, { photoUrl: null })}>
                          {t.removePhoto}
                        </button>
                      )}
                      <button
                        type="button"
                        class={`small${u.active ? ' danger' : ''}`}
                        data-action="toggle-active"
                        disabled={u.id === me.data?.id}
                        onClick={() => void patch(u, { active: !u.active })}
                      >
                        {u.active ? t.disable : t.enable}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <UserForm
        onCreated={(username) => {
          setMessage({ ok: true, text: t.created(username) });
          void users.reload();
        }}
      />
      {editing && (
        <Dialog
          title={editing.kind === 'password' ? t.newPasswordFor(editing.user.name) : t.rename}
          onClose={() => setEditing(null)}
          onSubmit={submitEdit}
          actions={
            <button type="submit" class="primary">
              {appTexts.save}
            </button>
          }
        >
          <label class="labelled">
            <span class="label-text">{editing.kind === 'password' ? t.password : t.newName}</span>
            <input
              name={editing.kind === 'password' ? 'changed-password' : 'changed-name'}
              type={editing.kind === 'password' ? 'password' : 'text'}
              autoComplete={editing.kind === 'password' ? 'new-password' : 'off'}
              minLength={editing.kind === 'password' ? 8 : 1}
              required
              value={value}
              onInput={(e) => setValue(e.currentTarget.value)}
              autoFocus
            />
          </label>
          {message && !message.ok && <p class="error">{message.text}</p>}
        </Dialog>
      )}
    </div>
  );
}
