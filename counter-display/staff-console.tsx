// The staff member's side: sign in, choose the counter, then work at it. The session token
// survives a reload; when the server says the session is over, back to the sign-in form.
import { useEffect, useState } from 'preact/hooks';
import { request } from '@client/api';
import { useConnection, useStored } from '@client/hooks';
import { useServerNow } from '@client/server-clock';
import { ConnectionBanner } from '@client/pairing';
import { PasswordChangeForm } from '@client/password-change-form';
import { AppointmentDialog } from './appointment-dialog';
import { CounterPicker } from './counter-picker';
import { Desk } from './desk';
import { IssueForCitizen } from './issue-for-citizen';
import { SignInForm } from './sign-in-form';
import { STAFF_TOKEN_KEY } from './storage-keys';
import { texts as t } from './texts';

export function StaffConsole() {
  const [token, setToken] = useStored(STAFF_TOKEN_KEY);
  const [notice, setNotice] = useState('');
  if (!token) {
    return (
      <SignInForm
        notice={notice}
        onSignedIn={(tok) => {
          setNotice('');
          setToken(tok);
        }}
      />
    );
  }
  return (
    <SignedInConsole
      token={token}
      onSessionEnded={() => {
        setNotice(t.sessionEnded);
        setToken(null);
      }}
      onSignedOut={() => setToken(null)}
    />
  );
}

function SignedInConsole(props: { token: string; onSessionEnded: () => void; onSignedOut: () => void }) {
  const { conn, data } = useConnection(props.token);
  const [changingPassword, setChangingPassword] = useState(false);
  const [booking, setBooking] = useState(false);
  const now = useServerNow(data.snapshot);
  useEffect(() => {
    if (data.status === 'unauthorized') props.onSessionEnded();
  }, [data.status]);

  const signOut = async () => {
    const counterId = data.snapshot?.you.counterId;
    if (counterId !== undefined) await conn.send('counter:sign-out', { counterId });
    await request('auth:logout', {}, props.token);
    props.onSignedOut();
  };

  const snapshot = data.snapshot;
  let body;
  if (!snapshot || !data.state) body = <p class="console-loading">{t.loading}</p>;
  else if (changingPassword) {
    body = (
      <main class="console-card sign-in">
        <PasswordChangeForm buttonClass="big-button" token={props.token} onChanged={() => setChangingPassword(false)} onCancel={() => setChangingPassword(false)} />
      </main>
    );
  } else if (snapshot.you.role === 'guide') {
    // The hall guide has no counter: only numbers for citizens.
    body = (
      <main class="console-card guide-desk">
        <header class="desk-head">
          <div>
            <h1>{t.guideTitle}</h1>
            <p>{snapshot.you.name}</p>
          </div>
          <div class="desk-head-buttons">
            {snapshot.config.appointments.enabled && (
              <button type="button" class="plain-button" data-action="book-appointment" onClick={() => setBooking(true)}>
                {t.bookAppointment}
              </button>
            )}
            <button type="button" class="plain-button" onClick={() => void signOut()}>
              {t.signOut}
            </button>
          </div>
        </header>
        <IssueForCitizen conn={conn} config={snapshot.config} />
        {booking && <AppointmentDialog token={props.token} config={snapshot.config} now={now} onClose={() => setBooking(false)} />}
      </main>
    );
  } else if (snapshot.you.counterId === undefined) body = <CounterPicker conn={conn} data={data} onSignOut={signOut} onChangePassword={() => setChangingPassword(true)} />;
  else body = <Desk conn={conn} data={data} counterId={snapshot.you.counterId} token={props.token} onSignOut={signOut} />;

  return (
    <div class="console">
      <ConnectionBanner status={data.status} />
      {body}
    </div>
  );
}
