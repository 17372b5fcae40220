// The fields (lĩnh vực): name, number block, prefix, daily cap, target wait, in use or not.
import type { CentreConfig } from '@protocol/config';
import { Card } from '../card';
import { adminTexts, configTexts as t } from '../texts';
import { useConfigEditor } from './config-editor';
import { CheckBox, IssueText, move, NameBox, NumberBox, TextBox } from './form-controls';

/** The next free block of a thousand numbers, so a new field does not overlap the others. */
function nextBlock(config: CentreConfig): { numberStart: number; numberEnd: number } {
  const top = Math.max(0, ...config.services.filter((s) => !s.prefix).map((s) => s.numberEnd));
  const start = Math.floor(top / 1000) * 1000 + 1001;
  return { numberStart: start, numberEnd: start + 998 };
}

function freeId(config: CentreConfig): string {
  let n = config.services.length + 1;
  while (config.services.some((s) => s.id === `linh-vuc-${n}`)) n++;
  return `linh-vuc-${n}`;
}

export function FieldsSection() {
  const { draft, saved, edit } = useConfigEditor();
  const savedIds = new Set(saved.services.map((s) => s.id));
  return (
    <Card
      title={adminTexts.tabs.fields}
      intro={t.fieldsIntro}
      actions={
        <button
          type="button"
          class="secondary"
          data-action="add-field"
          onClick={() => edit((d) => void d.services.push({ id: freeId(d), name: t.newFieldName, prefix: '', ...nextBlock(d), dailyCap: null, active: true, targetWaitMinutes: null }))}
        >
          + {t.addField}
        </button>
      }
    >
      <IssueText path="services" />
      <div class="table-scroll">
        <table class="edit-table">
          <thead>
            <tr>
              <th>{t.fieldId}</th>
              <th>{t.fieldName}</th>
              <th>{t.prefix}</th>
              <th>{t.numberStart}</th>
              <th>{t.numberEnd}</th>
              <th>{t.dailyCap}</th>
              <th>{t.targetWait}</th>
              <th>{t.active}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.services.map((s, i) => {
              const p = `services.${i}`;
              return (
                <tr key={i} data-field-row={s.id}>
                  <td>
                    <TextBox
                      path={`${p}.id`}
                      class="w-id"
                      value={s.id}
                      readOnly={savedIds.has(s.id)}
                      title={savedIds.has(s.id) ? t.idLocked : undefined}
                      onChange={(v) => edit((d) => void (d.services[i].id = v))}
                    />
                    <IssueText path={`${p}.id`} />
                  </td>
                  <td>
                    <NameBox path={`${p}.name`} name={`field-name-${s.id}`} class="w-name" value={s.name} onChange={(v) => edit((d) => void (d.services[i].name = v))} />
                    <IssueText path={`${p}.name`} />
                  </td>
                  <td>
                    <TextBox path={`${p}.prefix`} class="w-prefix" maxLength={3} value={s.prefix} onChange={(v) => edit((d) => void (d.services[i].prefix = v.toUpperCase()))} />
                    <IssueText path={`${p}.prefix`} />
                  </td>
                  <td>
                    <NumberBox path={`${p}.numberStart`} class="w-num" min={0} value={s.numberStart} onChange={(v) => edit((d) => void (d.services[i].numberStart = v as number))} />
                    <IssueText path={`${p}.numberStart`} />
                  </td>
                  <td>
                    <NumberBox path={`${p}.numberEnd`} class="w-num" min={0} value={s.numberEnd} onChange={(v) => edit((d) => void (d.services[i].numberEnd = v as number))} />
                    <IssueText path={`${p}.numberEnd`} />
                    <IssueText path={p} />
                  </td>
                  <td>
                    <NumberBox path={`${p}.dailyCap`} class="w-cap" min={1} placeholder={t.unlimited} value={s.dailyCap} onChange={(v) => edit((d) => void (d.services[i].dailyCap = v))} />
                    <IssueText path={`${p}.dailyCap`} />
                  </td>
                  <td>
                    <NumberBox
                      path={`${p}.targetWaitMinutes`}
                      class="w-cap"
                      min={1}
                      max={480}
                      placeholder={t.targetWaitDefault(draft.alerts.waitMinutes)}
                      value={s.targetWaitMinutes}
                      onChange={(v) => edit((d) => void (d.services[i].targetWaitMinutes = v))}
                    />
                    <IssueText path={`${p}.targetWaitMinutes`} />
                  </td>
                  <td>
                    <CheckBox label="" checked={s.active} onChange={(v) => edit((d) => void (d.services[i].active = v))} />
                  </td>
                  <td class="row-actions">
                    <button type="button" class="icon" title={t.moveUp} aria-label={t.moveUp} disabled={i === 0} onClick={() => edit((d) => move(d.services, i, -1))}>
                      ↑
                    </button>
                    <button type="button" class="icon" title={t.moveDown} aria-label={t.moveDown} disabled={i === draft.services.length - 1} onClick={() => edit((d) => move(d.services, i, 1))}>
                      ↓
                    </button>
                    <button
                      type="button"
                      class="icon danger"
                      title={t.remove}
                      aria-label={t.remove}
                      onClick={() =>
                        edit((d) => {
                          const [gone] = d.services.splice(i, 1);
                          // A counter cannot serve a field that no longer exists.
                          for (const c of d.counters) c.serviceIds = c.serviceIds.filter((id) => id !== gone.id);
                        })
                      }
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
