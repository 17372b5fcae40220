// Choosing the period: the presets that contain a chosen day (by the 15th-to-14th rule and
// by the calendar), or any range typed in.
import { useEffect, useState } from 'preact/hooks';
import type { Period } from '@protocol/reports';
import { useResource } from '../use-resource';
import { DayInput } from '../day-input';
import { reportTexts as t } from '../texts';

export interface Range {
  from: string;
  to: string;
}

export function PeriodPicker(props: { value: Range | null; today: string; onChange: (r: Range) => void }) {
  const [day, setDay] = useState(props.value?.to ?? props.today);
  const [from, setFrom] = useState(props.value?.from ?? props.today);
  const [to, setTo] = useState(props.value?.to ?? props.today);
  const presets = useResource('reports:presets', /^\d{4}-\d{2}-\d{2}$/.test(day) ? { date: day } : null);

  useEffect(() => {
    if (!props.value) return;
    setFrom(props.value.from);
    setTo(props.value.to);
  }, [props.value?.from, props.value?.to]);

  const list = presets.data ?? [];
  const groups = [
    { title: t.presetGroupReporting, items: list.filter((p) => !p.kind.startsWith('calendar-')) },
    { title: t.presetGroupCalendar, items: list.filter((p) => p.kind.startsWith('calendar-')) },
  ];
  const isChosen = (p: Period) => props.value?.from === p.from && props.value?.to === p.to;

  return (
    <div class="period-picker no-print">
      <div class="preset-day">
        <DayInput name="preset-day" label={t.presetsFor} value={day} onChange={setDay} />
      </div>
      {groups.map((g) =>
        g.items.length ? (
          <div class="preset-group" key={g.title}>
            <span class="preset-title">{g.title}</span>
            <div class="preset-buttons">
              {g.items.map((p) => (
                <button
                  type="button"
                  key={p.kind}
                  class={`preset${isChosen(p) ? ' chosen' : ''}`}
                  data-preset={p.kind}
                  aria-pressed={isChosen(p)}
                  onClick={() => props.onChange({ from: p.from, to: p.to })}
                >
                  {p.label}
                </button>
              ))}
            </div>
          </div>
        ) : null,
      )}
      <form
        class="custom-range"
        onSubmit={(e) => {
          e.preventDefault();
          props.onChange({ from, to });
        }}
      >
        <DayInput name="from" label={t.from} value={from} onChange={setFrom} />
        <DayInput name="to" label={t.to} value={to} onChange={setTo} />
        <button type="submit" class="primary" data-action="show-report">
          {t.show}
        </button>
      </form>
    </div>
  );
}
