// Who is served first: the categories a citizen picks on the kiosk.
import type { CentreConfig } from '@protocol/config';
import { Card } from '../card';
import { adminTexts, configTexts as t } from '../texts';
import { useConfigEditor } from './config-editor';
import { IssueText, move, TextBox } from './form-controls';

function freeId(config: CentreConfig): string {
  let n = config.priorityCategories.length + 1;
  while (config.priorityCategories.some((c) => c.id === `uu-tien-${n}`)) n++;
  return `uu-tien-${n}`;
}

export function PrioritySection() {
  const { draft, saved, edit } = useConfigEditor();
  const savedIds = new Set(saved.priorityCategories.map((c) => c.id));
  return (
    <Card
      title={adminTexts.tabs.priority}
      intro={t.priorityIntro}
      actions={
        <button type="button" class="secondary" onClick={() => edit((d) => void d.priorityCategories.push({ id: freeId(d), name: t.newPriorityName }))}>
          + {t.addPriority}
        </button>
      }
    >
      <IssueText path="priorityCategories" />
      <div class="table-scroll"><table class="edit-table">
        <thead>
          <tr>
            <th>{t.priorityId}</th>
            <th>{t.priorityName}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {draft.priorityCategories.map((c, i) => (
            <tr key={i}>
              <td>
                <TextBox path={`priorityCategories.${i}.id`} class="w-id" value={c.id} readOnly={savedIds.has(c.id)} onChange={(v) =>
                    edit((d) => {
                      // A new category already ticked for phones keeps its tick under its new id.
                      const before = d.priorityCategories[i].id;
                      d.priorityCategories[i].id = v;
                      d.phoneNumbers.priorityCategoryIds = d.phoneNumbers.priorityCategoryIds.map((id) => (id === before ? v : id));
                    })
                  }
                />
                <IssueText path={`priorityCategories.${i}.id`} />
              </td>
              <td>
                <TextBox path={`priorityCategories.${i}.name`} class="w-wide" value={c.name} onChange={(v) => edit((d) => void (d.priorityCategories[i].name = v))} />
                <IssueText path={`priorityCategories.${i}.name`} />
              </td>
              <td class="row-actions">
                <button type="button" class="icon" aria-label={t.moveUp} title={t.moveUp} disabled={i === 0} onClick={() => edit((d) => move(d.priorityCategories, i, -1))}>
                  ↑
                </button>
                <button
                  type="button"
                  class="icon"
                  aria-label={t.moveDown}
                  title={t.moveDown}
                  disabled={i === draft.priorityCategories.length - 1}
                  onClick={() => edit((d) => move(d.priorityCategories, i, 1))}
                >
                  ↓
                </button>
                <button type="button" class="icon danger" aria-label={t.remove} title={t.remove} onClick={() =>
                    edit((d) => {
                      const [removed] = d.priorityCategories.splice(i, 1);
                      // Phones may no longer claim a category the centre no longer has.
                      d.phoneNumbers.priorityCategoryIds = d.phoneNumbers.priorityCategoryIds.filter((id) => id !== removed?.id);
                    })
                  }
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table></div>
    </Card>
  );
}
