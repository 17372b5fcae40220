// Opening hours per weekday (one or more shifts) and the holidays when no numbers are issued.
import { Card } from '../card';
import { DayInput } from '../day-input';
import { adminTexts, configTexts as t } from '../texts';
import { useConfigEditor } from './config-editor';
import { CheckBox, IssueText, Labelled, NumberBox, TextBox } from './form-controls';
import { holidayDays, STATUTORY_HOLIDAYS } from '@protocol/holidays';
import type { RepeatingHoliday } from '@protocol/config';
import { viDay } from '../format';

/** "07:30" typed as is: the same 24-hour clock on every browser, whatever its language. */
export function ClockInput(props: { label: string; value: string; onChange: (v: string) => void }) {
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
      <PhoneNumbersCard />
      <RepeatingHolidays />
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

/** Numbers from the phone (the entrance poster's page): the managers' switch, its hours and the limits per phone. */
function PhoneNumbersCard() {
  const { draft, edit } = useConfigEditor();
  const rules = draft.phoneNumbers;
  return (
    <Card title={t.phoneHeading} intro={t.phoneIntro}>
      <CheckBox label={t.phoneEnabled} path="phoneNumbers.enabled" checked={rules.enabled} onChange={(v) => edit((d) => void (d.phoneNumbers.enabled = v))} />
      <div class="form-grid">
        <Labelled label={t.phoneFrom} path="phoneNumbers.from">
          <ClockInput label={t.phoneFrom} value={rules.from} onChange={(v) => edit((d) => void (d.phoneNumbers.from = v))} />
        </Labelled>
        <Labelled label={t.phoneTo} path="phoneNumbers.to">
          <ClockInput label={t.phoneTo} value={rules.to} onChange={(v) => edit((d) => void (d.phoneNumbers.to = v))} />
        </Labelled>
        <Labelled label={t.phonePerDay} path="phoneNumbers.perPhonePerDay">
          <NumberBox path="phoneNumbers.perPhonePerDay" min={1} max={10} value={rules.perPhonePerDay} onChange={(v) => edit((d) => void (d.phoneNumbers.perPhonePerDay = v ?? 2))} />
        </Labelled>
        <Labelled label={t.phonePerField} path="phoneNumbers.perPhonePerField">
          <NumberBox path="phoneNumbers.perPhonePerField" min={1} max={10} value={rules.perPhonePerField} onChange={(v) => edit((d) => void (d.phoneNumbers.perPhonePerField = v ?? 1))} />
        </Labelled>
      </div>
      <fieldset class="phone-priority">
        <legend>{t.phonePriority}</legend>
        {draft.priorityCategories.length === 0 && <p class="hint">{t.phonePriorityNone}</p>}
        <div class="check-row">
        {draft.priorityCategories.map((c) => (
          <CheckBox
            key={c.id}
            label={c.name}
            path={`phoneNumbers.priorityCategoryIds.${c.id}`}
            checked={rules.priorityCategoryIds.includes(c.id)}
            onChange={(v) =>
              edit((d) => {
                const ids = d.phoneNumbers.priorityCategoryIds.filter((id) => id !== c.id);
                // Kept in the order of the centre's categories, as the phone page lists them.
                d.phoneNumbers.priorityCategoryIds = v ? d.priorityCategories.map((p) => p.id).filter((id) => id === c.id || ids.includes(id)) : ids;
              })
            }
          />
        ))}
        </div>
        <IssueText path="phoneNumbers.priorityCategoryIds" />
      </fieldset>
      <p class="hint">
        {t.phonePoster} <a href="/ticket/?poster" target="_blank" rel="noopener">/ticket/?poster</a>
      </p>
    </Card>
  );
}

/** When a repeating holiday falls this year, so a manager sees the lunar dates worked out. */
function thisYear(h: RepeatingHoliday, year: number): string {
  const days = holidayDays(h, year);
  if (days.length === 0) return '—';
  return days.length === 1 ? viDay(days[0]) : `${viDay(days[0])} – ${viDay(days[days.length - 1])}`;
}

function RepeatingHolidays() {
  const { draft, edit } = useConfigEditor();
  const list = draft.openingHours.repeatingHolidays;
  const year = new Date().getFullYear();
  const missing = STATUTORY_HOLIDAYS.filter((h) => !list.some((x) => x.calendar === h.calendar && x.month === h.month && x.day === h.day));
  return (
    <Card
      title={t.repeatingHeading}
      intro={t.repeatingIntro}
      actions={
        <>
          {missing.length > 0 && (
            <button type="button" class="secondary" data-action="add-statutory" onClick={() => edit((d) => void d.openingHours.repeatingHolidays.push(...structuredClone(missing)))}>
              + {t.addStatutory}
            </button>
          )}
          <button
            type="button"
            class="secondary"
            onClick={() => edit((d) => void d.openingHours.repeatingHolidays.push({ name: t.newHolidayName, calendar: 'solar', month: 1, day: 1, startOffset: 0, days: 1 }))}
          >
            + {t.addRepeating}
          </button>
        </>
      }
    >
      {list.length === 0 ? (
        <p class="muted">{t.noHolidays}</p>
      ) : (
        <div class="table-scroll">
          <table class="edit-table" data-table="repeating-holidays">
            <thead>
              <tr>
                <th>{t.holidayName}</th>
                <th />
                <th>{t.holidayDay}</th>
                <th>{t.holidayMonth}</th>
                <th>{t.startOffset}</th>
                <th>{t.holidayDays}</th>
                <th />
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((h, i) => {
                const p = `openingHours.repeatingHolidays.${i}`;
                const set = (change: (x: RepeatingHoliday) => void) => edit((d) => change(d.openingHours.repeatingHolidays[i]));
                return (
                  <tr key={i} data-holiday={h.name}>
                    <td>
                      <TextBox path={`${p}.name`} class="w-name" maxLength={60} value={h.name} onChange={(v) => set((x) => void (x.name = v))} />
                    </td>
                    <td>
                      <select value={h.calendar} onChange={(e) => set((x) => void (x.calendar = e.currentTarget.value as RepeatingHoliday['calendar']))}>
                        <option value="solar">{t.calendarSolar}</option>
                        <option value="lunar">{t.calendarLunar}</option>
                      </select>
                    </td>
                    <td>
                      <NumberBox path={`${p}.day`} class="w-num-small" min={1} max={31} value={h.day} onChange={(v) => set((x) => void (x.day = v as number))} />
                      <IssueText path={`${p}.day`} />
                    </td>
                    <td>
                      <NumberBox path={`${p}.month`} class="w-num-small" min={1} max={12} value={h.month} onChange={(v) => set((x) => void (x.month = v as number))} />
                    </td>
                    <td>
                      <NumberBox path={`${p}.startOffset`} class="w-num-small" min={0} max={5} value={-h.startOffset} onChange={(v) => set((x) => void (x.startOffset = -(v as number)))} />
                    </td>
                    <td>
                      <NumberBox path={`${p}.days`} class="w-num-small" min={1} max={10} value={h.days} onChange={(v) => set((x) => void (x.days = v as number))} />
                    </td>
                    <td class="muted" data-this-year>
                      {t.thisYear(year, thisYear(h, year))}
                    </td>
                    <td>
                      <button type="button" class="icon danger" title={t.remove} aria-label={t.remove} onClick={() => edit((d) => void d.openingHours.repeatingHolidays.splice(i, 1))}>
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
