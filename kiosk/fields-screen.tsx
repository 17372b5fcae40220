// The kiosk's start: one button per field, the way to ask for priority, to check an
// appointment in (when the centre takes appointments), and the look-up;
// or, outside opening hours, why no number can be taken now.
import type { CentreConfig, ServiceConfig } from '@protocol/config';
import type { QueueState } from '@protocol/queue';
import { ClosedNotice } from './closed-notice';
import { FieldGrid } from './field-grid';
import type { OpeningStatus } from './opening-hours';
import { kioskTexts as t } from './texts';

type Category = CentreConfig['priorityCategories'][number];

export function FieldsScreen(props: {
  config: CentreConfig;
  state: QueueState | null;
  opening: OpeningStatus;
  hoursLines: string[];
  /** Chosen on the priority screen; the next field tapped gets a priority ticket. */
  priority?: Category;
  canIssue: boolean;
  onChooseField: (s: ServiceConfig, priority?: Category) => void;
  onPriority: () => void;
  onAppointment: () => void;
  onLookup: () => void;
  onCancelPriority: () => void;
}) {
  const { priority, opening } = props;
  return (
    <section class="fields-screen">
      {priority ? (
        <div class="priority-banner">
          <div>
            <div class="priority-banner-title">{t.priorityChosen(priority.name)}</div>
            <div>{t.priorityChooseField}</div>
          </div>
          <button class="priority-cancel" onClick={props.onCancelPriority}>
            {t.cancelPriority}
          </button>
        </div>
      ) : (
        opening.open && <p class="kiosk-lead">{t.chooseField}</p>
      )}
      {opening.open ? (
        <FieldGrid services={props.config.services} state={props.state} disabled={!props.canIssue} onChoose={(s) => props.onChooseField(s, priority)} />
      ) : (
        <ClosedNotice status={opening} hoursLines={props.hoursLines} />
      )}
      <div class="kiosk-actions">
        {!priority && opening.open && props.config.priorityCategories.length > 0 && (
          <button class="action-button priority-button" disabled={!props.canIssue} onClick={props.onPriority}>
            <span>{t.priorityButton}</span>
            <small>{t.priorityButtonHint}</small>
          </button>
        )}
        {!priority && opening.open && props.config.appointments.enabled && (
          <button class="action-button appointment-button" data-action="appointment" disabled={!props.canIssue} onClick={props.onAppointment}>
            <span>{t.appointmentButton}</span>
            <small>{t.appointmentButtonHint}</small>
          </button>
        )}
        {!priority && (
          <button class="action-button lookup-button" onClick={props.onLookup}>
            <span>{t.lookupButton}</span>
            <small>{t.lookupButtonHint}</small>
          </button>
        )}
      </div>
    </section>
  );
}
