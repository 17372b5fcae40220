// Opening hours per weekday (one or more shifts) and the holidays when no numbers are issued.
import { Card } from '../card';
import { DayInput } from '../day-input';
import { adminTexts, configTexts as t } from '../texts';
import { useConfigEditor } from './config-editor';
import { CheckBox, IssueText } from './form-controls';

/** "07:30" typed as is: the same 24-hour clock on every browser, whatever its language. */
function ClockInput(props: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <input
      type="text"
      class="w-clock"
      inputMode="numeric"
      maxLength={5}
      placeholder="07:30"
      aria-label={props.label}
      value={props.value}
      onInput={(e) => props.onChange(e.currentTarget.value.trim())}
    />
  );
}

/** Monday first, as Vietnamese calendars print the week. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export function HoursSection() {
  const { draft, edit } = useConfigEditor();
  const hours = draft.openingHours;
  return (
    <div class="stack">
      <Card title={adminTexts.tabs.hours}>
        <CheckBox label={t.enforceHours} path="openingHours.enforce" checked={hours.enforce} onChange={(v) => edit((d) => void (d.openingHours.enforce = v))} />
        <p class="hint">{t.enforceHoursHint}</p>
        <div class="table-scroll"><table class="edit-table hours">
          <tbody>
            {WEEK_ORDER.map((day) => (
              <tr key={day} data-weekday={day}>
                <th>{t.weekdays[day]}</th>
                <td>
                  <div class="intervals">
                    {hours.weekly[day].length === 0 && <span class="muted">{t.dayOff}</span>}
                    {hours.weekly[day].map(([start, end], i) => (
                      <span class="interval" key={i}>
                        <ClockInput label={`${t.weekdays[day]}, ${t.shiftStart} ${i + 1}`} value={start} onChange={(v) => edit((d) => void (d.openingHours.weekly[day][i][0] = v))} />
                        –
                        <ClockInput label={`${t.weekdays[day]}, ${t.shiftEnd} ${i + 1}`} value={end} onChange={(v) => edit((d) => void (d.openingHours.weekly[day][i][1] = v))} />
                        <button type="button" class="icon danger" aria-label={t.remove} title={t.remove} onClick={() => edit((d) => void d.openingHours.weekly[day].splice(i, 1))}>
                          ✕
                        </button>
                        <IssueText path={`openingHours.weekly.${day}.${i}`} />
                      </span>
                    ))}
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => edit((d) => void d.openingHours.weekly[day].push(d.openingHours.weekly[day].length === 0 ? ['07:30', '11:30'] : ['13:30', '17:00']))}
                    >
                      + {t.addInterval}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table></div>
      </Card>
      <Card
        title={t.holidaysHeading}
        intro={t.holidaysIntro}
        actions={
          <button type="button" class="secondary" onClick={() => edit((d) => void d.openingHours.holidays.push(''))}>
            + {t.addHoliday}
          </button>
        }
      >
        {hours.holidays.length === 0 && <p class="muted">{t.noHolidays}</p>}
        <ul class="holiday-list">
          {hours.holidays.map((day, i) => (
            <li key={i}>
              <DayInput hideLabel name={`holiday-${i}`} label={`${t.holiday} ${i + 1}`} value={day} onChange={(v) => edit((d) => void (d.openingHours.holidays[i] = v))} />
              <button type="button" class="icon danger" aria-label={t.remove} title={t.remove} onClick={() => edit((d) => void d.openingHours.holidays.splice(i, 1))}>
                ✕
              </button>
              <IssueText path={`openingHours.holidays.${i}`} />
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
