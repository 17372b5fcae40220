// The centre's name, the scrolling notice, the default target wait, the kiosk, what a visit
// can be finished as, the official report's heading and the printer's paper.
import type { LiveData } from '@client/connection';
import { Card } from '../card';
import { configTexts as t, printerStateText } from '../texts';
import { useResource } from '../use-resource';
import { useConfigEditor } from './config-editor';
import { Labelled, NumberBox, TextBox } from './form-controls';
import { OfficialReportCard, OutcomesCard } from './report-settings';


export function GeneralSection(props: { live: LiveData }) {
  const { draft, edit } = useConfigEditor();
  const health = useResource('health:read', {});
  const connection = health.data?.printerConnection;
  return (
    <div class="stack">
      <Card title={t.centreHeading}>
        <div class="form-grid">
          <Labelled label={t.centreName} path="centre.name" wide>
            <TextBox path="centre.name" name="centre-name" value={draft.centre.name} onChange={(v) => edit((d) => void (d.centre.name = v))} maxLength={120} />
          </Labelled>
          <Labelled label={t.centreSubtitle} path="centre.subtitle" wide>
            <TextBox path="centre.subtitle" value={draft.centre.subtitle} onChange={(v) => edit((d) => void (d.centre.subtitle = v))} maxLength={160} />
          </Labelled>
          <Labelled label={t.timeZone}>
            <input type="text" value={draft.centre.timeZone} readOnly />
          </Labelled>
        </div>
      </Card>
      <Card title={t.noticeHeading}>
        <Labelled label={t.notice} path="notice" hint={t.noticeCount(draft.notice.length)} wide>
          <textarea
            name="notice"
            rows={3}
            maxLength={500}
            value={draft.notice}
            data-path="notice"
            onInput={(e) => {
              const v = e.currentTarget.value;
              edit((d) => void (d.notice = v));
            }}
          />
        </Labelled>
      </Card>
      <div class="two-columns">
        <Card title={t.alertsHeading}>
          <Labelled label={t.waitMinutes} path="alerts.waitMinutes" hint={t.waitMinutesHint}>
            <NumberBox path="alerts.waitMinutes" min={1} value={draft.alerts.waitMinutes} onChange={(v) => edit((d) => void (d.alerts.waitMinutes = v as number))} />
          </Labelled>
        </Card>
        <Card title={t.kioskHeading}>
          <div class="form-grid">
            <Labelled label={t.ticketsPerMinute} path="kiosk.ticketsPerMinute">
              <NumberBox path="kiosk.ticketsPerMinute" min={1} max={600} value={draft.kiosk.ticketsPerMinute} onChange={(v) => edit((d) => void (d.kiosk.ticketsPerMinute = v as number))} />
            </Labelled>
            <Labelled label={t.confirmSeconds} path="kiosk.confirmSeconds">
              <NumberBox path="kiosk.confirmSeconds" min={2} max={60} value={draft.kiosk.confirmSeconds} onChange={(v) => edit((d) => void (d.kiosk.confirmSeconds = v as number))} />
            </Labelled>
          </div>
        </Card>
      </div>
      <OutcomesCard />
      <OfficialReportCard />
      <Card title={t.printerHeading}>
        <div class="form-grid">
          <Labelled label={t.paperWidth} path="printer.paperWidthDots">
            <select
              value={String(draft.printer.paperWidthDots)}
              onChange={(e) => {
                const dots = Number(e.currentTarget.value) as 576 | 384;
                edit((d) => void (d.printer.paperWidthDots = dots));
              }}
            >
              <option value="576">{t.paper80}</option>
              <option value="384">{t.paper58}</option>
            </select>
          </Labelled>
          <Labelled label={t.printerState}>
            <span class={`printer-chip ${props.live.printer}`}>{printerStateText[props.live.printer]}</span>
          </Labelled>
          <Labelled label={t.printerConnection} path="printer.connection" hint={t.printerConnectionHint} wide>
            <TextBox
              path="printer.connection"
              name="printer-connection"
              value={draft.printer.connection}
              onChange={(v) => edit((d) => void (d.printer.connection = v))}
              maxLength={200}
            />
          </Labelled>
          <Labelled label={t.printerInUse} wide>
            <input type="text" value={connection ?? ''} readOnly />
          </Labelled>
        </div>
      </Card>
    </div>
  );
}
