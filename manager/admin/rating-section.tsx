// The rating scale (three levels at most one-stop desks, four or five elsewhere), the reasons
// offered after a low rating, and how long the terminal keeps asking.
import { Card } from '../card';
import { configTexts as t } from '../texts';
import { useConfigEditor } from './config-editor';
import { CheckBox, IssueText, Labelled, move, NameBox, NumberBox, TextBox } from './form-controls';

export function RatingSection() {
  const { draft, edit } = useConfigEditor();
  const r = draft.rating;
  return (
    <div class="stack">
      <Card
        title={t.levelsHeading}
        intro={t.levelsIntro}
        actions={
          <button
            type="button"
            class="secondary"
            onClick={() => edit((d) => void d.rating.levels.push({ score: Math.max(0, ...d.rating.levels.map((l) => l.score)) + 1, label: '', icon: '', asksReason: false }))}
          >
            + {t.addLevel}
          </button>
        }
      >
        <IssueText path="rating.levels" />
        <div class="table-scroll"><table class="edit-table">
          <thead>
            <tr>
              <th>{t.score}</th>
              <th>{t.levelLabel}</th>
              <th>{t.icon}</th>
              <th>{t.asksReason}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {r.levels.map((l, i) => {
              const p = `rating.levels.${i}`;
              return (
                <tr key={i}>
                  <td>
                    <NumberBox path={`${p}.score`} class="w-num-small" min={1} max={10} value={l.score} onChange={(v) => edit((d) => void (d.rating.levels[i].score = v as number))} />
                    <IssueText path={`${p}.score`} />
                  </td>
                  <td>
                    <NameBox path={`${p}.label`} class="w-name" maxLength={40} value={l.label} onChange={(v) => edit((d) => void (d.rating.levels[i].label = v))} />
                    <IssueText path={`${p}.label`} />
                  </td>
                  <td>
                    <TextBox path={`${p}.icon`} class="w-icon" maxLength={8} value={l.icon} onChange={(v) => edit((d) => void (d.rating.levels[i].icon = v))} />
                  </td>
                  <td>
                    <CheckBox label="" checked={l.asksReason} onChange={(v) => edit((d) => void (d.rating.levels[i].asksReason = v))} />
                  </td>
                  <td class="row-actions">
                    <button type="button" class="icon" aria-label={t.moveUp} title={t.moveUp} disabled={i === 0} onClick={() => edit((d) => move(d.rating.levels, i, -1))}>
                      ↑
                    </button>
                    <button type="button" class="icon" aria-label={t.moveDown} title={t.moveDown} disabled={i === r.levels.length - 1} onClick={() => edit((d) => move(d.rating.levels, i, 1))}>
                      ↓
                    </button>
                    <button type="button" class="icon danger" aria-label={t.remove} title={t.remove} onClick={() => edit((d) => void d.rating.levels.splice(i, 1))}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table></div>
      </Card>
      <Card
        title={t.reasonsHeading}
        actions={
          <button type="button" class="secondary" onClick={() => edit((d) => void d.rating.reasons.push(''))}>
            + {t.addReason}
          </button>
        }
      >
        <IssueText path="rating.reasons" />
        <ul class="plain-list">
          {r.reasons.map((reason, i) => (
            <li key={i}>
              <TextBox path={`rating.reasons.${i}`} class="w-wide" maxLength={60} value={reason} onChange={(v) => edit((d) => void (d.rating.reasons[i] = v))} />
              <button type="button" class="icon danger" aria-label={t.remove} title={t.remove} onClick={() => edit((d) => void d.rating.reasons.splice(i, 1))}>
                ✕
              </button>
              <IssueText path={`rating.reasons.${i}`} />
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <Labelled label={t.promptSeconds} path="rating.promptSeconds">
          <NumberBox path="rating.promptSeconds" min={5} max={600} value={r.promptSeconds} onChange={(v) => edit((d) => void (d.rating.promptSeconds = v as number))} />
        </Labelled>
      </Card>
    </div>
  );
}
