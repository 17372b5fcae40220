// The staff member at work: the citizen being served, the actions (buttons and keys), the
// counter's waiting line and today's figures. Only the counter signed in at is offered;
// the server refuses any other anyway.
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessages } from '@protocol/errors';
import type { Ack, CounterView } from '@protocol/events';
import type { Connection, LiveData } from '@client/connection';
import { useServerNow } from '@client/server-clock';
import { errorText } from '@client/texts';
import { ActionBar } from './action-bar';
import { AppointmentDialog } from './appointment-dialog';
import { CurrentTicket } from './current-ticket';
import { CallNumberDialog, NoShowDialog, PauseDialog, TransferDialog } from './desk-dialogs';
import { refusal } from './desk-rules';
import type { DeskAction } from './shortcuts';
import { texts as t } from './texts';
import { FinishPanel, parseDossierCodes } from './finish-panel';
import { IssueForCitizen } from './issue-for-citizen';
import { TodayStats } from './today-stats';
import { useCounterToday } from './use-counter-today';
import { useDeskKeys } from './use-desk-keys';
import { WaitingList } from './waiting-list';

type OpenDialog = 'call-number' | 'no-show' | 'transfer' | 'pause' | null;

interface Feedback {
  kind: 'ok' | 'error';
  text: string;
}

export function Desk(props: { conn: Connection; data: LiveData; counterId: number; token: string; onSignOut: () => void }) {
  const { conn, data, counterId } = props;
  const snapshot = data.snapshot!;
  const state = data.state!;
  const config = snapshot.config;
  const counter = config.counters.find((c) => c.id === counterId);
  const view: CounterView = data.counter ?? { counterId, name: counter?.name ?? `Quầy ${counterId}`, status: 'closed' };
  const now = useServerNow(snapshot);
  const today = useCounterToday(counterId, props.token, view);
  const outcomes = config.outcomes;
  // Dossier codes belong to the citizen at the desk: a new call starts with none.
  const [codes, setCodes] = useState('');
  const [issuing, setIssuing] = useState(false);
  const [booking, setBooking] = useState(false);
  const currentKey = view.current ? `${view.current.ticketId}:${view.current.calledAt}` : '';
  useEffect(() => setCodes(''), [currentKey]);

  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [busy, setBusy] = useState(false);
  // A ref as well as state: two key presses in one frame must not send two commands.
  const inFlight = useRef(false);

  const run = async <T,>(request: () => Promise<Ack<T>>, okText: (result: T) => string): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    try {
      const res = await request();
      setFeedback(res.ok ? { kind: 'ok', text: okText(res.data) } : { kind: 'error', text: errorText(res.error) });
      return res.ok;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  const closeOn = (ok: boolean) => ok && setDialog(null);
  const currentLabel = view.current?.label ?? '';

  const finish = (outcomeId?: string) => {
    const dossierCodes = parseDossierCodes(codes);
    const outcome = outcomes.find((o) => o.id === outcomeId);
    return run(
      () => conn.send('counter:finish', { counterId, ...(outcome ? { outcome: outcome.id } : {}), ...(dossierCodes.length > 0 ? { dossierCodes } : {}) }),
      () => (outcome ? t.finishedAs(currentLabel, outcome.name) : t.finished(currentLabel)),
    );
  };
  const finishAs = (index: number) => {
    const code = refusal('finish', view);
    if (code) return setFeedback({ kind: 'error', text: errorMessages[code].vi });
    setFeedback(null);
    void finish(outcomes[index].id);
  };

  const trigger = (action: DeskAction) => {
    const code = refusal(action, view);
    if (code) return setFeedback({ kind: 'error', text: errorMessages[code].vi });
    setFeedback(null);
    switch (action) {
      case 'call-next':
        // Codes typed for the citizen at the desk go with their finish, not lost with the next call.
        if (view.current && parseDossierCodes(codes).length > 0) {
          return void finish().then((ok) => ok && run(() => conn.send('counter:call-next', { counterId }), (r) => t.called(r.label)));
        }
        return void run(() => conn.send('counter:call-next', { counterId }), (r) => t.called(r.label));
      case 'recall':
        return void run(() => conn.send('counter:recall', { counterId }), (r) => t.recalled(r.label));
      case 'finish':
        return void finish();
      case 'pause':
        if (view.status === 'paused') return void run(() => conn.send('counter:resume', { counterId }), () => t.resumedToast);
        return setDialog('pause');
      default:
        return setDialog(action);
    }
  };
  useDeskKeys(trigger, dialog === null && !issuing && !booking, outcomes.length, finishAs);

  const callLabel = (label: string) => run(() => conn.send('counter:call-number', { counterId, label }), (r) => t.called(r.label));
  const dialogError = feedback?.kind === 'error' ? feedback.text : undefined;
  const common = { busy, error: dialogError, onClose: () => setDialog(null) };

  return (
    <div class="desk">
      <header class="desk-head">
        <div>
          <h1 data-counter-name>{view.name}</h1>
          <p>{snapshot.you.name}</p>
        </div>
        <div class="desk-head-buttons">
          <button type="button" class="plain-button" data-action="issue-for-citizen" onClick={() => setIssuing(true)}>
            {t.issueForCitizen}
          </button>
          {config.appointments.enabled && (
            <button type="button" class="plain-button" data-action="book-appointment" onClick={() => setBooking(true)}>
              {t.bookAppointment}
            </button>
          )}
          <button type="button" class="plain-button" disabled={busy} onClick={() => void conn.send('counter:sign-out', { counterId })}>
            {t.changeCounter}
          </button>
          <button type="button" class="plain-button" disabled={busy} onClick={props.onSignOut}>
            {t.signOut}
          </button>
        </div>
      </header>
      <div class="desk-grid">
        <div class="desk-main">
          <CurrentTicket view={view} priority={!!view.current && state.tickets[view.current.ticketId]?.priority === true} timeZone={config.centre.timeZone} now={now} />
          <ActionBar view={view} busy={busy} onAction={trigger} />
          {view.current && <FinishPanel outcomes={outcomes} codes={codes} onCodes={setCodes} disabled={busy} onFinish={(id) => finishAs(outcomes.findIndex((o) => o.id === id))} />}
          <p class={`feedback ${feedback?.kind ?? ''}`} role={feedback?.kind === 'error' ? 'alert' : 'status'}>
            {feedback?.text ?? ''}
          </p>
          <p class="muted shortcuts-help">{t.shortcutsHelp}</p>
        </div>
        <div class="desk-side">
          {counter && (
            <WaitingList
              state={state}
              config={config}
              counter={counter}
              now={now}
              canCall={!busy && refusal('call-number', view) === undefined}
              onCall={(label) => void callLabel(label)}
            />
          )}
          <TodayStats today={today} />
        </div>
      </div>

      {issuing && (
        <div class="dialog-backdrop">
          <div class="dialog" role="dialog" aria-modal="true" aria-label={t.issueForCitizenTitle}>
            <IssueForCitizen conn={conn} config={config} onClose={() => setIssuing(false)} />
          </div>
        </div>
      )}
      {booking && <AppointmentDialog token={props.token} config={config} now={now} onClose={() => setBooking(false)} />}
      {dialog === 'call-number' && <CallNumberDialog {...common} onCall={(label) => void callLabel(label).then(closeOn)} />}
      {dialog === 'no-show' && (
        <NoShowDialog
          {...common}
          label={currentLabel}
          onConfirm={(requeue) =>
            void run(() => conn.send('counter:no-show', { counterId, requeue }), () => (requeue ? t.requeued(currentLabel) : t.markedNoShow(currentLabel))).then(closeOn)
          }
        />
      )}
      {dialog === 'transfer' && view.current && (
        <TransferDialog
          {...common}
          label={currentLabel}
          config={config}
          state={state}
          fromServiceId={view.current.serviceId}
          fromCounterId={counterId}
          onTransfer={(to) => void run(() => conn.send('counter:transfer', { counterId, ...to }), () => t.transferred(currentLabel)).then(closeOn)}
        />
      )}
      {dialog === 'pause' && (
        <PauseDialog {...common} onPause={(reason) => void run(() => conn.send('counter:pause', { counterId, reason }), () => t.pausedToast).then(closeOn)} />
      )}
    </div>
  );
}
