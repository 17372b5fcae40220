// Appointments: the managers' switch, how far ahead and how many a phone may book, the
// check-in window, how many appointments a counter calls in a row before a walk-in, and per
// field the slot length and each weekday's intervals with the citizens each slot takes.
import { useState } from 'preact/hooks';
import { minutesOf, type AppointmentFieldConfig } from '@protocol/config';
import { Card } from '../card';
import { appointmentTexts as t, configTexts } from '../texts';
import { useConfigEditor } from './config-editor';
import { CheckBox, IssueText, Labelled, NumberBox } from './form-controls';
import { ClockInput } from './hours-section';

/** Monday first, as Vietnamese calendars print the week. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
/** A new field starts with working-day mornings, two citizens every half hour; managers change it. */
const newField = (serviceId: string): AppointmentFieldConfig => ({
  serviceId,
  slotMinutes: 30,
  weekly: Array.from({ length: 7 }, (_, day) => (day >= 1 && day <= 5 ? [{ from: '08:00', to: '11:00', capacity: 2 }] : [])),
});

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A day's first interval is a morning; a further one starts where the day's last ends, for an hour, so it never overlaps. */
function nextInterval(f: AppointmentFieldConfig, day: number): { from: string; to: string; capacity: number } {
  const last = [...f.weekly[day]].sort((a, b) => (a.to < b.to ? -1 : 1)).at(-1);
  if (!last) return { from: '08:00', to: '11:00', capacity: 2 };
  const from = Math.min(minutesOf(last.to), 22 * 60);
  return { from: hhmm(from), to: hhmm(Math.min(from + 60, 23 * 60 + 59)), capacity: last.capacity };
}

/** Slots a week of this field makes, so a manager sees at once what a change does. */
function slotsPerWeek(f: AppointmentFieldConfig): number {
  if (!(f.slotMinutes > 0)) return 0;
  return f.weekly.flat().reduce((n, i) => n + Math.max(0, Math.floor((minutesOf(i.to) - minutesOf(i.from)) / f.slotMinutes)), 0);
}

export function AppointmentsSection() {
  const { draft, edit } = useConfigEditor();
  const rules = draft.appointments;
  const [adding, setAdding] = useState('');
  const unlisted = draft.services.filter((s) => !rules.fields.some((f) => f.serviceId === s.id));
  return (
    <div class="stack">
      <Card title={t.heading} intro={t.intro}>
        <CheckBox label={t.enabled} path="appointments.enabled" checked={rules.enabled} onChange={(v) => edit((d) => void (d.appointments.enabled = v))} />
        <div class="form-grid">
          <Labelled label={t.daysAhead} path="appointments.daysAhead">
            <NumberBox path="appointments.daysAhead" min={0} max={60} value={rules.daysAhead} onChange={(v) => edit((d) => void (d.appointments.daysAhead = v as number))} />
          </Labelled>
          <Labelled label={t.perPhonePerDay} path="appointments.perPhonePerDay">
            <NumberBox path="appointments.perPhonePerDay" min={1} max={10} value={rules.perPhonePerDay} onChange={(v) => edit((d) => void (d.appointments.perPhonePerDay = v as number))} />
          </Labelled>
          <Labelled label={t.checkInEarly} path="appointments.checkInEarlyMinutes">
            <NumberBox
              path="appointments.checkInEarlyMinutes"
              min={0}
              max={180}
              value={rules.checkInEarlyMinutes}
              onChange={(v) => edit((d) => void (d.appointments.checkInEarlyMinutes = v as number))}
            />
          </Labelled>
          <Labelled label={t.checkInLate} path="appointments.checkInLateMinutes" hint={t.checkInHint}>
            <NumberBox
              path="appointments.checkInLateMinutes"
              min={0}
              max={120}
              value={rules.checkInLateMinutes}
              onChange={(v) => edit((d) => void (d.appointments.checkInLateMinutes = v as number))}
            />
          </Labelled>
          <Labelled label={t.inRow} path="callPolicy.appointmentsInRow" hint={t.inRowHint}>
            <NumberBox
              path="callPolicy.appointmentsInRow"
              min={1}
              max={20}
              value={draft.callPolicy.appointmentsInRow}
              onChange={(v) => edit((d) => void (d.callPolicy.appointmentsInRow = v as number))}
            />
          </Labelled>
        </div>
      </Card>
      <Card
        title={t.fieldsHeading}
        intro={t.fieldsIntro}
        actions={
          unlisted.length > 0 && (
            <span class="add-appointment-field">
              <select name="add-appointment-field" aria-label={t.addField} value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
                <option value="">{t.chooseField}</option>
                {unlisted.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="secondary"
                data-action="add-appointment-field"
                disabled={!adding}
                onClick={() => {
                  edit((d) => void d.appointments.fields.push(newField(adding)));
                  setAdding('');
                }}
              >
                + {t.addField}
              </button>
            </span>
          )
        }
      >
        {rules.fields.length === 0 && <p class="muted">{t.noFields}</p>}
        <IssueText path="appointments.fields" />
        {rules.fields.map((f, i) => (
          <AppointmentField key={f.serviceId} field={f} index={i} />
        ))}
      </Card>
    </div>
  );
}

function AppointmentField(props: { field: AppointmentFieldConfig; index: number }) {
  const { draft, edit } = useConfigEditor();
  const { field: f, index: i } = props;
  const p = `appointments.fields.${i}`;
  const name = draft.services.find((s) => s.id === f.serviceId)?.name ?? f.serviceId;
  const set = (change: (x: AppointmentFieldConfig) => void) => edit((d) => change(d.appointments.fields[i]));
  return (
    <section class="appointment-field" data-service={f.serviceId}>
      <header class="appointment-field-head">
        <h3>{name}</h3>
        <IssueText path={`${p}.serviceId`} />
        <Labelled label={t.slotMinutes} path={`${p}.slotMinutes`}>
          <NumberBox path={`${p}.slotMinutes`} class="w-num-small" min={5} max={240} step={5} value={f.slotMinutes} onChange={(v) => set((x) => void (x.slotMinutes = v as number))} />
        </Labelled>
        <span class="muted" data-slot-count>
          {t.slotCount(slotsPerWeek(f))}
        </span>
        <button type="button" class="icon danger" data-action="remove-appointment-field" aria-label={t.removeField} title={t.removeField} onClick={() => edit((d) => void d.appointments.fields.splice(i, 1))}>
          ✕
        </button>
      </header>
      <div class="table-scroll">
        <table class="edit-table hours">
          <tbody>
            {WEEK_ORDER.map((day) => (
              <tr key={day} data-weekday={day}>
                <th>{configTexts.weekdays[day]}</th>
                <td>
                  <div class="intervals">
                    {f.weekly[day].length === 0 && <span class="muted">{t.noSlots}</span>}
                    {f.weekly[day].map((iv, k) => {
                      const at = `${p}.weekly.${day}.${k}`;
                      const label = `${configTexts.weekdays[day]}, ${k + 1}`;
                      return (
                        <span class="interval" key={k} data-interval={k}>
                          <ClockInput label={`${label}, ${t.from}`} value={iv.from} onChange={(v) => set((x) => void (x.weekly[day][k].from = v))} />
                          –
                          <ClockInput label={`${label}, ${t.to}`} value={iv.to} onChange={(v) => set((x) => void (x.weekly[day][k].to = v))} />
                          <NumberBox
                            path={`${at}.capacity`}
                            class="w-num-small"
                            aria-label={`${label}, ${t.capacity}`}
                            min={1}
                            max={50}
                            value={iv.capacity}
                            onChange={(v) => set((x) => void (x.weekly[day][k].capacity = v as number))}
                          />
                          <span class="muted">{t.capacity}</span>
                          <button type="button" class="icon danger" aria-label={configTexts.remove} title={configTexts.remove} onClick={() => set((x) => void x.weekly[day].splice(k, 1))}>
                            ✕
                          </button>
                          <IssueText path={`${at}.from`} />
                          <IssueText path={`${at}.to`} />
                          <IssueText path={`${at}.capacity`} />
                        </span>
                      );
                    })}
                    <button
                      type="button"
                      class="link-button"
                      data-action="add-interval"
                      onClick={() => set((x) => void x.weekly[day].push(nextInterval(x, day)))}
                    >
                      + {t.addInterval}
                    </button>
                  </div>
                  <IssueText path={`${p}.weekly.${day}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
