// The desk's forms: call a chosen number, no-show, transfer, pause with a reason.
import { useState } from 'preact/hooks';
import type { CentreConfig } from '@protocol/config';
import type { QueueState } from '@protocol/queue';
import { transferCounters } from './desk-rules';
import { DialogFrame } from './dialog-frame';
import { texts as t } from './texts';

interface Common {
  busy: boolean;
  error?: string;
  onClose: () => void;
}

const frame = ({ busy, error, onClose }: Common) => ({ busy, error, onClose });
const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

export function CallNumberDialog(props: Common & { onCall: (label: string) => void }) {
  const [label, setLabel] = useState('');
  return (
    <DialogFrame title={t.callNumberTitle} submitLabel={t.call} canSubmit={label.trim() !== ''} onSubmit={() => props.onCall(label.trim())} {...frame(props)}>
      <label>
        {t.callNumberLabel}
        <input name="label" class="label-input" data-autofocus autoComplete="off" placeholder={t.callNumberPlaceholder} value={label} onInput={(e) => setLabel(value(e))} />
      </label>
    </DialogFrame>
  );
}

export function NoShowDialog(props: Common & { label: string; onConfirm: (requeue: boolean) => void }) {
  const [requeue, setRequeue] = useState(false);
  return (
    <DialogFrame title={t.noShowTitle(props.label)} submitLabel={t.confirm} focusSubmit onSubmit={() => props.onConfirm(requeue)} {...frame(props)}>
      <label class="check">
        <input type="checkbox" name="requeue" checked={requeue} onChange={(e) => setRequeue((e.target as HTMLInputElement).checked)} />
        {t.requeue}
      </label>
      <p class="hint">{t.requeueHint}</p>
    </DialogFrame>
  );
}

export function TransferDialog(
  props: Common & {
    label: string;
    config: CentreConfig;
    state: QueueState;
    fromServiceId: string;
    fromCounterId: number;
    onTransfer: (to: { toServiceId: string; toCounterId?: number }) => void;
  },
) {
  const [serviceId, setServiceId] = useState(props.fromServiceId);
  const [counterId, setCounterId] = useState('');
  const choices = transferCounters(props.config, props.state, serviceId, props.fromCounterId);
  const chosen = choices.find((c) => String(c.id) === counterId);
  const chooseField = (id: string) => {
    setServiceId(id);
    // A counter chosen for the old field may not serve the new one.
    if (!transferCounters(props.config, props.state, id, props.fromCounterId).some((c) => String(c.id) === counterId)) setCounterId('');
  };
  return (
    <DialogFrame
      title={t.transferTitle(props.label)}
      submitLabel={t.transfer}
      onSubmit={() => props.onTransfer({ toServiceId: serviceId, ...(chosen ? { toCounterId: chosen.id } : {}) })}
      {...frame(props)}
    >
      <label>
        {t.transferField}
        <select name="toServiceId" data-autofocus value={serviceId} onChange={(e) => chooseField(value(e))}>
          {props.config.services
            .filter((s) => s.active || s.id === props.fromServiceId)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t.transferCounter}
        <select name="toCounterId" value={counterId} onChange={(e) => setCounterId(value(e))}>
          <option value="">{t.anyCounter}</option>
          {choices.map((c) => (
            <option key={c.id} value={String(c.id)} data-status={c.status}>
              {c.status === 'open' ? c.name : t.counterNotWorking(c.name, c.status)}
            </option>
          ))}
        </select>
      </label>
      {!props.config.counters.some((c) => c.active && c.serviceIds.includes(serviceId)) && <p class="hint warning" data-transfer-hint="no-counter">{t.noCounterServes}</p>}
      {chosen && chosen.status !== 'open' && (
        <p class="hint warning" data-transfer-hint="waits">
          {t.citizenWillWait(chosen.name, chosen.status)}
        </p>
      )}
    </DialogFrame>
  );
}

export function PauseDialog(props: Common & { onPause: (reason: string) => void }) {
  const [other, setOther] = useState('');
  return (
    <DialogFrame title={t.pauseTitle} submitLabel={t.pause} canSubmit={other.trim() !== ''} onSubmit={() => props.onPause(other.trim())} {...frame(props)}>
      <div class="quick-reasons">
        {t.pauseReasons.map((reason) => (
          <button key={reason} type="button" class="reason-button" disabled={props.busy} onClick={() => props.onPause(reason)}>
            {reason}
          </button>
        ))}
      </div>
      <label>
        {t.pauseOther}
        <input name="reason" data-autofocus maxLength={120} autoComplete="off" value={other} onInput={(e) => setOther(value(e))} />
      </label>
    </DialogFrame>
  );
}
