// Counters and the fields each serves, most preferred first (up/down to reorder).
import { Card } from '../card';
import { adminTexts, configTexts as t } from '../texts';
import { useConfigEditor } from './config-editor';
import { CheckBox, IssueText, Labelled, move, NumberBox, TextBox } from './form-controls';

export function CountersSection() {
  const { draft, edit } = useConfigEditor();
  const fieldName = (id: string) => draft.services.find((s) => s.id === id)?.name ?? id;
  const addCounter = () =>
    edit((d) => {
      const id = Math.max(0, ...d.counters.map((c) => c.id)) + 1;
      d.counters.push({ id, name: t.newCounterName(id), serviceIds: d.services.slice(0, 1).map((s) => s.id), active: true });
    });

  return (
    <div class="stack">
      <Card
        title={adminTexts.tabs.counters}
        intro={t.countersIntro}
        actions={
          <button type="button" class="secondary" data-action="add-counter" onClick={addCounter}>
            + {t.addCounter}
          </button>
        }
      >
        <IssueText path="counters" />
      </Card>
      <div class="counter-cards">
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
