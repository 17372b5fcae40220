// Between citizens: the counter, and who serves there, so the citizen knows whom they rate.
import type { CounterView, StaffEntry } from '@protocol/events';
import { texts as t } from './texts';

/** A Vietnamese name's given name is its last word: "Nguyễn Thị Lan" → "L". */
function initial(name: string): string {
  return name.trim().split(/\s+/).pop()?.charAt(0).toUpperCase() ?? '';
}

function StaffCard(props: { staff: StaffEntry }) {
  const { staff } = props;
  return (
    <div class="staff-card">
      {staff.photoUrl ? (
        <img class="staff-photo" src={staff.photoUrl} alt={staff.name} />
      ) : (
        <div class="staff-photo staff-initial" aria-hidden="true">
          {initial(staff.name)}
        </div>
      )}
      <div>
        <div class="staff-caption">{t.staffOnDuty}</div>
        <div class="staff-name">{staff.name}</div>
      </div>
    </div>
  );
}

export function IdleScreen(props: { counter: CounterView | null; centreName?: string }) {
  const { counter } = props;
  return (
    <main class="screen idle" data-screen="idle">
      {props.centreName && <div class="centre-name">{props.centreName}</div>}
      <h1 class="welcome">{t.welcome}</h1>
      {counter && <div class="counter-name">{counter.name}</div>}
      {counter?.status === 'closed' && <p class="counter-status">{t.counterClosed}</p>}
      {counter?.status === 'paused' && (
        <p class="counter-status">
          {t.counterPaused}
          {counter.pauseReason ? `: ${counter.pauseReason}` : ''}
        </p>
      )}
      {counter?.staff ? <StaffCard staff={counter.staff} /> : counter?.status === 'open' && <p class="counter-status">{t.noStaff}</p>}
      {counter?.current && (
        <p class="serving">
          {t.servingNumber} <strong>{counter.current.label}</strong>
        </p>
      )}
      <p class="idle-hint">{t.idleHint}</p>
    </main>
  );
}
