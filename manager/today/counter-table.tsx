// Every counter now: open, paused (and why) or closed, who is there, which number they
// serve, and its services today as its console shows them.
import type { LiveCounter } from '@protocol/reports';
import { count, minutesText } from '../format';
import { counterStatusText, todayTexts as t } from '../texts';

export function CounterTable(props: { counters: LiveCounter[] }) {
  return (
    <div class="table-scroll">
      <table class="data-table">
        <thead>
          <tr>
            <th>{t.counter}</th>
            <th>{t.status}</th>
            <th>{t.staff}</th>
            <th>{t.current}</th>
            <th class="num">{t.finished}</th>
            <th class="num">{t.transfersMade}</th>
            <th class="num">{t.noShows}</th>
            <th class="num">{t.averageService}</th>
          </tr>
        </thead>
        <tbody>
          {props.counters.map((c) => (
            <tr key={c.id} data-counter={c.id} data-status={c.status}>
              <td>{c.name}</td>
              <td>
                <span class={`status-pill ${c.status}`}>{counterStatusText[c.status]}</span>
                {c.pauseReason && <span class="muted"> – {c.pauseReason}</span>}
              </td>
              <td>{c.staffName ?? '—'}</td>
              <td>{c.currentLabel ? t.currentFor(c.currentLabel, minutesText(c.currentSeconds)) : '—'}</td>
              <td class="num" data-stat="served">{count(c.services.finished)}</td>
              <td class="num" data-stat="transfers">{count(c.services.transfers)}</td>
              <td class="num" data-stat="no-shows">{count(c.services.absences)}</td>
              <td class="num" data-stat="average">{minutesText(c.services.serviceTime.averageSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
