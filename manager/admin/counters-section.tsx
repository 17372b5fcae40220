// Counters and the fields each serves, most preferred first (up/down to reorder). A new
// counter is asked for its fields first: a counter that serves nothing would sit idle.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CounterConfig, ServiceConfig } from '@protocol/config';
import { Card } from '../card';
import { Dialog } from '../dialog';
import { adminTexts, configTexts as t } from '../texts';
import { useConfigEditor } from './config-editor';
import { CheckBox, IssueText, Labelled, move, NumberBox, TextBox } from './form-controls';

export function CountersSection() {
  const { draft, edit } = useConfigEditor();
  const [adding, setAdding] = useState(false);
  // Set when a counter was just added: its card is scrolled into view and its name focused.
  const [added, setAdded] = useState<number | null>(null);
  const cards = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (added === null) return;
    const card = cards.current?.querySelector<HTMLElement>(`[data-counter-card="${added}"]`);
    card?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    card?.querySelector<HTMLElement>('input[type="text"]')?.focus({ preventScroll: true });
    setAdded(null);
  }, [added]);
  const fieldName = (id: string) => draft.services.find((s) => s.id === id)?.name ?? id;
  const addCounter = (counter: CounterConfig) => {
    edit((d) => void d.counters.push(counter));
    setAdding(false);
    setAdded(counter.id);
  };

  return (
    <div class="stack">
      <Card
        title={adminTexts.tabs.counters}
        intro={t.countersIntro}
        actions={
          <button type="button" class="secondary" data-action="add-counter" onClick={() => setAdding(true)}>
            + {t.addCounter}
          </button>
        }
      >
        <IssueText path="counters" />
      </Card>
      {adding && <NewCounterDialog counters={draft.counters} services={draft.services} onAdd={addCounter} onClose={() => setAdding(false)} />}
      <div class="counter-cards" ref={cards}>
        {draft.counters.map((c, i) => {
          const p = `counters.${i}`;
          const unused = draft.services.filter((s) => !c.serviceIds.includes(s.id));
          return (
            <section key={i} class="card counter-card" data-counter-card={c.id}>
              <div class="counter-card-head">
                <Labelled label={t.counterId} path={`${p}.id`}>
                  <NumberBox path={`${p}.id`} class="w-num-small" min={1} max={999} value={c.id} onChange={(v) => edit((d) => void (d.counters[i].id = v as number))} />
                </Labelled>
                <Labelled label={t.counterName} path={`${p}.name`}>
                  <TextBox path={`${p}.name`} value={c.name} onChange={(v) => edit((d) => void (d.counters[i].name = v))} />
                </Labelled>
                <CheckBox label={t.active} checked={c.active} onChange={(v) => edit((d) => void (d.counters[i].active = v))} />
                <button type="button" class="icon danger" title={t.remove} aria-label={t.remove} onClick={() => edit((d) => void d.counters.splice(i, 1))}>
                  ✕
                </button>
              </div>
              <div class="label-text">{t.counterFields}</div>
              <ol class="order-list">
                {c.serviceIds.map((sid, j) => (
                  <li key={sid} data-counter-field={sid}>
                    <span class="order-rank">{j + 1}</span>
                    <span class="order-name">{fieldName(sid)}</span>
                    <span class="row-actions">
                      <button type="button" class="icon" title={t.moveUp} aria-label={t.moveUp} disabled={j === 0} onClick={() => edit((d) => move(d.counters[i].serviceIds, j, -1))}>
                        ↑
                      </button>
                      <button
                        type="button"
                        class="icon"
                        title={t.moveDown}
                        aria-label={t.moveDown}
                        disabled={j === c.serviceIds.length - 1}
                        onClick={() => edit((d) => move(d.counters[i].serviceIds, j, 1))}
                      >
                        ↓
                      </button>
                      <button type="button" class="icon danger" title={t.remove} aria-label={t.remove} onClick={() => edit((d) => void d.counters[i].serviceIds.splice(j, 1))}>
                        ✕
                      </button>
                    </span>
                  </li>
                ))}
              </ol>
              <IssueText path={`${p}.serviceIds`} />
              {unused.length > 0 && (
                <select
                  class="add-select"
                  value=""
                  onChange={(e) => {
                    const id = e.currentTarget.value;
                    if (id) edit((d) => void d.counters[i].serviceIds.push(id));
                  }}
                >
                  <option value="">{t.addFieldToCounter}</option>
                  {unused.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}

function NewCounterDialog(props: { counters: CounterConfig[]; services: ServiceConfig[]; onAdd: (c: CounterConfig) => void; onClose: () => void }) {
  const nextId = Math.max(0, ...props.counters.map((c) => c.id)) + 1;
  const [name, setName] = useState(t.newCounterName(nextId));
  const [fields, setFields] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) => setFields((f) => (on ? [...f, id] : f.filter((x) => x !== id)));
  const ready = fields.length > 0 && name.trim() !== '';
  return (
    <Dialog
      title={t.newCounterTitle(nextId)}
      onClose={props.onClose}
      onSubmit={() => ready && props.onAdd({ id: nextId, name: name.trim(), serviceIds: fields, active: true })}
      actions={
        <button type="submit" class="primary" data-action="confirm-add-counter" disabled={!ready}>
          {t.addCounter}
        </button>
      }
    >
      <label class="labelled">
        <span class="label-text">{t.counterName}</span>
        <input type="text" name="new-counter-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <fieldset class="new-counter-fields">
        <legend class="label-text">{t.newCounterFields}</legend>
        {props.services.map((s) => (
          <label key={s.id} class="check">
            <input type="checkbox" name="new-counter-field" value={s.id} checked={fields.includes(s.id)} onChange={(e) => toggle(s.id, e.currentTarget.checked)} />
            {s.name}
          </label>
        ))}
      </fieldset>
      <p class="hint">{fields.length === 0 ? t.newCounterNeedsField : t.newCounterOrder}</p>
    </Dialog>
  );
}
