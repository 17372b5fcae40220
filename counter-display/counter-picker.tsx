// After signing in: the counters of the centre, with who is at each, to choose one's own.
import { useState } from 'preact/hooks';
import type { Connection, LiveData } from '@client/connection';
import { errorText } from '@client/texts';
import { texts as t } from './texts';

export function CounterPicker(props: { conn: Connection; data: LiveData; onSignOut: () => void; onChangePassword: () => void }) {
  const { snapshot, state } = props.data;
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!snapshot || !state) return null;
  const me = snapshot.you;

  const choose = async (counterId: number) => {
    setBusy(true);
    const res = await props.conn.send('counter:sign-in', { counterId });
    setBusy(false);
    // On success the server sends a new snapshot naming the counter, which opens the desk.
    if (!res.ok) setError(errorText(res.error));
  };

  return (
    <main class="console-card picker">
      <header class="picker-head">
        <div>
          <h1>{t.chooseCounter}</h1>
          <p>{t.hello(me.name ?? me.id ?? '')}</p>
        </div>
        <div class="picker-actions">
          <button class="plain-button" data-action="change-password" onClick={props.onChangePassword}>{t.changePassword}</button>
          <button class="plain-button" onClick={props.onSignOut}>{t.signOut}</button>
        </div>
      </header>
      <div class="picker-grid">
        {snapshot.config.counters
          .filter((c) => c.active)
          .map((c) => {
            const cs = state.counters[c.id];
            const takenBy = cs && cs.status !== 'closed' && cs.staffId !== me.id ? cs.staffId : undefined;
            const staffName = takenBy ? (snapshot.staff.find((s) => s.id === takenBy)?.name ?? takenBy) : undefined;
            return (
              <button key={c.id} class={`picker-counter${takenBy ? ' taken' : ''}`} data-counter={c.id} disabled={busy} onClick={() => choose(c.id)}>
                <strong>{c.name}</strong>
                <span>{staffName ? t.counterBusy(staffName) : cs?.staffId === me.id ? t.counterYours : t.counterFree}</span>
              </button>
            );
          })}
      </div>
      {error && <p class="error" role="alert">{error}</p>}
    </main>
  );
}
