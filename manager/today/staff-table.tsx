// Each officer today: services, service times, absences, transfers made, and the time
// signed in split into serving, paused (by reason) and without a citizen.
import type { StaffRow } from '@protocol/reports';
import { count, minutesText } from '../format';
import { todayTexts as t } from '../texts';

export function StaffTable(props: { staff: StaffRow[] }) {
  if (props.staff.length === 0) return <p class="muted">{t.noStaff}</p>;
  return (
    <div class="table-scroll">
      <table class="data-table">
        <thead>
          <tr>
            <th>{t.staff}</th>
            <th class="num">{t.services}</th>
            <th class="num">{t.averageService}</th>
            <th class="num">{t.medianService}</th>
            <th class="num">{t.noShows}</th>
            <th class="num">{t.transfersMade}</th>
            <th class="num">{t.signedIn}</th>
            <th class="num">{t.idle}</th>
            <th>{t.paused}</th>
          </tr>
        </thead>
        <tbody>
          {props.staff.map((s) => (
            <tr key={s.key} data-staff={s.key}>
              <td>{s.name}</td>
              <td class="num">{count(s.services.services)}</td>
              <td class="num">{minutesText(s.services.serviceTime.averageSeconds)}</td>
              <td class="num">{minutesText(s.services.serviceTime.medianSeconds)}</td>
              <td class="num">{count(s.services.absences)}</td>
              <td class="num">{count(s.services.transfers)}</td>
              <td class="num">{minutesText(s.time.signedInSeconds)}</td>
              <td class="num">{minutesText(s.time.idleSeconds)}</td>
              <td>{s.time.pauses.length === 0 ? '—' : s.time.pauses.map((p) => `${p.reason}: ${minutesText(p.seconds)}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
