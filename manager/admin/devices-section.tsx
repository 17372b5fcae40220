// The centre's devices: each one's role, counter, connection and last contact; a pairing
// code to connect one (in a dialog, large, to read out or type in), revoking a lost one, and the
// list itself (part of the configuration, saved with the save bar).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PairingCode } from '@protocol/accounts';
import type { DeviceConfig, DeviceRole } from '@protocol/config';
import type { LiveData } from '@client/connection';
import { formatTime } from '@client/format';
import { useApi } from '../api-client';
import { Card } from '../card';
import { Dialog } from '../dialog';
import { dateTimeText } from '../format';
import { refusal } from '../refusal';
import { appTexts, deviceTexts as t, printerStateText } from '../texts';
import { useResource } from '../use-resource';
import { useConfigEditor } from './config-editor';
import { IssueText, NameBox, NumberBox, TextBox } from './form-controls';

const ROLES = Object.keys(t.roles) as DeviceRole[];
const needsCounter = (role: DeviceRole) => role === 'counter-display' || role === 'rating-terminal';

export function DevicesSection(props: { live: LiveData }) {
  const client = useApi();
  const { draft, saved, edit } = useConfigEditor();
  const statuses = useResource('devices:list', {});
  const [code, setCode] = useState<(PairingCode & { name: string }) | null>(null);
  const [revoking, setRevoking] = useState<DeviceConfig | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  // Presence changes come with device alerts; a slow poll keeps "last seen" fresh as well.
  useEffect(() => void statuses.reload(), [props.live.alerts]);
  useEffect(() => {
    const poll = setInterval(() => void statuses.reload(), 10_000);
    return () => clearInterval(poll);
  }, [statuses.reload]);

  const statusOf = new Map((statuses.data ?? []).map((s) => [s.id, s]));
  const savedIds = new Set(saved.devices.map((d) => d.id));

  const issueCode = async (dev: DeviceConfig) => {
    const res = await client.request('device:issue-pairing-code', { deviceId: dev.id });
    if (res.ok) {
      setCode({ ...res.data, name: dev.name });
      setMessage(null);
    } else setMessage({ ok: false, text: refusal(res.error) });
  };
  const revoke = async (dev: DeviceConfig) => {
    const res = await client.request('device:revoke', { deviceId: dev.id });
    setRevoking(null);
    setMessage(res.ok ? { ok: true, text: t.revoked(res.data.revoked) } : { ok: false, text: refusal(res.error) });
    void statuses.reload();
  };
  const addDevice = () =>
    edit((d) => {
      let n = d.devices.length + 1;
      while (d.devices.some((x) => x.id === `thiet-bi-${n}`)) n++;
      d.devices.push({ id: `thiet-bi-${n}`, role: 'counter-display', name: `${t.roles['counter-display']} ${n}`, counterId: d.counters[0]?.id ?? 1 });
    });

  return (
    <div class="stack">
      <Card title={t.printerHeading}>
        <span class={`printer-chip ${props.live.printer}`} data-printer={props.live.printer}>
          {printerStateText[props.live.printer]}
        </span>
      </Card>
      <Card
        title={t.heading}
        intro={t.intro}
        actions={
          <button type="button" class="secondary" data-action="add-device" onClick={addDevice}>
            + {t.add}
          </button>
        }
      >
        {message && <p class={message.ok ? 'banner ok' : 'banner error'}>{message.text}</p>}
        <IssueText path="devices" />
        <div class="table-scroll">
          <table class="data-table devices">
            <thead>
              <tr>
                <th>{t.name}</th>
                <th>{t.counter}</th>
                <th>{t.online}</th>
                <th>{t.paired}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {draft.devices.map((dev, i) => {
                const s = statusOf.get(dev.id);
                const isNew = !savedIds.has(dev.id);
                const p = `devices.${i}`;
                return (
                  <tr key={i} data-device={dev.id}>
                    <td>
                      <NameBox path={`${p}.name`} class="w-name" aria-label={t.name} value={dev.name} onChange={(v) => edit((d) => void (d.devices[i].name = v))} />
                      <IssueText path={`${p}.name`} />
                      {isNew ? (
                        <div class="device-new">
                          <TextBox path={`${p}.id`} class="w-id" aria-label={t.id} value={dev.id} onChange={(v) => edit((d) => void (d.devices[i].id = v))} />
                          <select
                            aria-label={t.role}
                            value={dev.role}
                            onChange={(e) => {
                              const role = e.currentTarget.value as DeviceRole;
                              edit((d) => {
                                d.devices[i].role = role;
                                if (!needsCounter(role)) delete d.devices[i].counterId;
                                else d.devices[i].counterId ??= d.counters[0]?.id;
                              });
                            }}
                          >
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {t.roles[r]}
                              </option>
                            ))}
                          </select>
                          <IssueText path={`${p}.id`} />
                        </div>
                      ) : (
                        <div class="device-sub">
                          <span class="mono">{dev.id}</span> · {t.roles[dev.role]}
                        </div>
                      )}
                    </td>
                    <td>
                      {needsCounter(dev.role) ? (
                        <NumberBox path={`${p}.counterId`} class="w-num-small" aria-label={t.counter} min={1} value={dev.counterId ?? null} onChange={(v) => edit((d) => void (d.devices[i].counterId = v ?? undefined))} />
                      ) : (
                        t.noCounter
                      )}
                      <IssueText path={`${p}.counterId`} />
                    </td>
                    <td>
                      <span class={`status-pill ${s?.online ? 'open' : 'closed'}`} data-online={s?.online ? 'true' : 'false'}>
                        {s?.online ? t.isOnline : t.isOffline}
                      </span>
                      <div class="device-sub">{s?.lastSeen ? `${t.lastSeen}: ${dateTimeText(s.lastSeen)}` : s?.online ? '' : t.never}</div>
                    </td>
                    <td class="nowrap">{t.pairedCount(s?.pairedTokens ?? 0)}</td>
                    <td>
                      <div class="device-actions">
                        <button type="button" class="small primary" data-action="issue-code" disabled={isNew} onClick={() => void issueCode(dev)}>
                          {t.issueCode}
                        </button>
                        <button type="button" class="small" disabled={!s?.pairedTokens} onClick={() => setRevoking(dev)}>
                          {t.revoke}
                        </button>
                        <button type="button" class="icon danger" title={t.remove} aria-label={t.remove} onClick={() => edit((d) => void d.devices.splice(i, 1))}>
                          ✕
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
      {code && <PairingCodeDialog code={code} onClose={() => setCode(null)} />}
      {revoking && (
        <Dialog
          title={t.revoke}
          onClose={() => setRevoking(null)}
          onSubmit={() => void revoke(revoking)}
          actions={
            <button type="submit" class="danger">
              {t.revoke}
            </button>
          }
        >
          <p>{t.revokeConfirm(revoking.name)}</p>
        </Dialog>
      )}
    </div>
  );
}

/** A modal over the page, wherever the manager clicked: the code large enough to read out
 *  across the room or type in on a device at the other end of the hall. */
function PairingCodeDialog(props: { code: PairingCode & { name: string }; onClose: () => void }) {
  const [now, setNow] = useState(Date.now());
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      clearInterval(tick);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  const expired = now >= props.code.expiresAt;
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <section class="dialog pairing-code" role="dialog" aria-modal="true" aria-label={t.codeHeading(props.code.name)} aria-live="polite">
        <h2>{t.codeHeading(props.code.name)}</h2>
        <div class={`big-code${expired ? ' expired' : ''}`} data-pairing-code={props.code.code} data-device-id={props.code.deviceId}>
          {props.code.code.slice(0, 3)} {props.code.code.slice(3)}
        </div>
        <p>{t.codeHint}</p>
        <p class="muted">{expired ? t.codeExpired : t.codeExpires(formatTime(props.code.expiresAt))}</p>
        <div class="dialog-actions">
          <button ref={close} type="button" class="primary" onClick={props.onClose}>
            {appTexts.close}
          </button>
        </div>
      </section>
    </div>
  );
}
