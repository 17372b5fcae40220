// What a visit can be finished as (the outcome list, one key each in the console) and the
// heading and signature of the official report.
import { useEffect, useState } from 'preact/hooks';
import { Card } from '../card';
import { configTexts as t } from '../texts';
import { useConfigEditor } from './config-editor';
import { IssueText, Labelled, move, TextBox } from './form-controls';

const MAX_OUTCOMES = 9;

function freeOutcomeId(ids: string[]): string {
  let n = ids.length + 1;
  while (ids.includes(`ket-qua-${n}`)) n++;
  return `ket-qua-${n}`;
}

export function OutcomesCard() {
  const { draft, edit } = useConfigEditor();
  return (
    <Card
      title={t.outcomesHeading}
      intro={t.outcomesIntro}
      actions={
        <button
          type="button"
          class="secondary"
          data-action="add-outcome"
          disabled={draft.outcomes.length >= MAX_OUTCOMES}
          onClick={() => edit((d) => void d.outcomes.push({ id: freeOutcomeId(d.outcomes.map((o) => o.id)), name: t.newOutcomeName }))}
        >
          + {t.addOutcome}
        </button>
      }
    >
      <IssueText path="outcomes" />
      <ol class="order-list">
        {draft.outcomes.map((o, i) => (
          <li key={o.id} data-outcome-row={o.id}>
            <span class="order-rank">{i + 1}</span>
            <TextBox path={`outcomes.${i}.name`} class="w-name" aria-label={t.outcomeName} maxLength={40} value={o.name} onChange={(v) => edit((d) => void (d.outcomes[i].name = v))} />
            <IssueText path={`outcomes.${i}.name`} />
            <button type="button" class="icon" title={t.moveUp} aria-label={t.moveUp} disabled={i === 0} onClick={() => edit((d) => move(d.outcomes, i, -1))}>
              ↑
            </button>
            <button type="button" class="icon" title={t.moveDown} aria-label={t.moveDown} disabled={i === draft.outcomes.length - 1} onClick={() => edit((d) => move(d.outcomes, i, 1))}>
              ↓
            </button>
            <button type="button" class="icon danger" title={t.remove} aria-label={t.remove} disabled={draft.outcomes.length <= 1} onClick={() => edit((d) => void d.outcomes.splice(i, 1))}>
              ✕
            </button>
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function OfficialReportCard() {
  const { draft, edit } = useConfigEditor();
  const o = draft.officialReport;
  return (
    <Card title={t.officialHeading} intro={t.officialIntro}>
      <div class="form-grid">
        <Labelled label={t.parentBody} path="officialReport.parentBody">
          <TextBox path="officialReport.parentBody" maxLength={120} value={o.parentBody} onChange={(v) => edit((d) => void (d.officialReport.parentBody = v))} />
        </Labelled>
        <Labelled label={t.documentCode} path="officialReport.documentCode">
          <TextBox path="officialReport.documentCode" maxLength={30} value={o.documentCode} onChange={(v) => edit((d) => void (d.officialReport.documentCode = v))} />
        </Labelled>
        <Labelled label={t.place} path="officialReport.place">
          <TextBox path="officialReport.place" maxLength={60} value={o.place} onChange={(v) => edit((d) => void (d.officialReport.place = v))} />
        </Labelled>
        <Labelled label={t.signerTitle} path="officialReport.signerTitle">
          <TextBox path="officialReport.signerTitle" maxLength={60} value={o.signerTitle} onChange={(v) => edit((d) => void (d.officialReport.signerTitle = v))} />
        </Labelled>
        <Labelled label={t.signerName} path="officialReport.signerName">
          <TextBox path="officialReport.signerName" maxLength={80} value={o.signerName} onChange={(v) => edit((d) => void (d.officialReport.signerName = v))} />
        </Labelled>
        <Labelled label={t.recipients} path="officialReport.recipients" wide>
          <RecipientsBox value={o.recipients} onChange={(lines) => edit((d) => void (d.officialReport.recipients = lines))} />
        </Labelled>
      </div>
    </Card>
  );
}

/** One recipient per line; blank lines are dropped when the box is left, not while typing. */
function RecipientsBox(props: { value: string[]; onChange: (lines: string[]) => void }) {
  const [text, setText] = useState(props.value.join('\n'));
  useEffect(() => setText(props.value.join('\n')), [props.value.join('\n')]);
  return (
    <textarea
      rows={3}
      name="recipients"
      data-path="officialReport.recipients"
      value={text}
      onInput={(e) => setText(e.currentTarget.value)}
      onBlur={() => props.onChange(text.split('\n').map((l) => l.trim()).filter(Boolean))}
    />
  );
}
