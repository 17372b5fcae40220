// How numbers are called: priority and field order, and the spoken call (its sentence,
// repeats, speed, chime, and which central displays play it).
import { routeOf } from '@client/api';
import { useState } from 'preact/hooks';
import { Card } from '../card';
import { href } from '../hash-route';
import { configTexts as t } from '../texts';
import { useConfigEditor } from './config-editor';
import { CheckBox, IssueText, Labelled, NumberBox, TextBox } from './form-controls';

export function CallsSection() {
  const { draft, edit } = useConfigEditor();
  const [listenFailed, setListenFailed] = useState(false);
  const policy = draft.callPolicy;
  const voice = draft.voice;
  const centralDisplays = draft.devices.filter((d) => d.role === 'central-display');
  const sampleCounter = draft.counters[0]?.id ?? 1;
  const sampleLabel = String(draft.services.find((s) => !s.prefix)?.numberStart ?? 1001);

  const listen = () => {
    setListenFailed(false);
    const audio = new Audio(routeOf('voice:call', { label: sampleLabel, counter: sampleCounter }).url);
    audio.play().catch(() => setListenFailed(true));
  };

  return (
    <div class="stack">
      <Card title={t.callPolicyHeading}>
        <div class="form-grid">
          <Labelled label={t.callMode} path="callPolicy.mode" wide>
            <select
              value={policy.mode}
              onChange={(e) => {
                const mode = e.currentTarget.value as typeof policy.mode;
                edit((d) => void (d.callPolicy.mode = mode));
              }}
            >
              <option value="priority-first">{t.modePriorityFirst}</option>
              <option value="interleave">{t.modeInterleave}</option>
            </select>
          </Labelled>
          {policy.mode === 'interleave' && (
            <Labelled label={t.interleave} path="callPolicy.interleaveNormalPerPriority">
              <NumberBox
                path="callPolicy.interleaveNormalPerPriority"
                min={1}
                max={50}
                value={policy.interleaveNormalPerPriority}
                onChange={(v) => edit((d) => void (d.callPolicy.interleaveNormalPerPriority = v as number))}
              />
            </Labelled>
          )}
          <Labelled label={t.fieldOrder} path="callPolicy.fieldOrder" wide>
            <select
              value={policy.fieldOrder}
              onChange={(e) => {
                const order = e.currentTarget.value as typeof policy.fieldOrder;
                edit((d) => void (d.callPolicy.fieldOrder = order));
              }}
            >
              <option value="oldest-first">{t.orderOldest}</option>
              <option value="strict-preference">{t.orderStrict}</option>
            </select>
          </Labelled>
          <Labelled label={t.maxWait} path="callPolicy.maxWaitMinutes" wide>
            <NumberBox path="callPolicy.maxWaitMinutes" min={1} value={policy.maxWaitMinutes} onChange={(v) => edit((d) => void (d.callPolicy.maxWaitMinutes = v))} />
          </Labelled>
        </div>
      </Card>
      <Card title={t.voiceHeading}>
        <div class="form-grid">
          <Labelled label={t.template} path="voice.template" hint={t.templateHint} wide>
            <TextBox path="voice.template" maxLength={200} value={voice.template} onChange={(v) => edit((d) => void (d.voice.template = v))} />
          </Labelled>
          <Labelled label={t.repeats} path="voice.repeats">
            <NumberBox path="voice.repeats" min={1} max={4} value={voice.repeats} onChange={(v) => edit((d) => void (d.voice.repeats = v as number))} />
          </Labelled>
          <Labelled label={t.rate} path="voice.rate">
            <NumberBox path="voice.rate" min={0.5} max={1.5} step={0.05} value={voice.rate} onChange={(v) => edit((d) => void (d.voice.rate = v as number))} />
          </Labelled>
          <CheckBox label={t.chime} path="voice.chime" checked={voice.chime} onChange={(v) => edit((d) => void (d.voice.chime = v))} />
          <Labelled label={t.announce} path="voice.announce" hint={t.announceHint} wide>
            <select
              name="voice-announce"
              value={voice.announce}
              onChange={(e) => {
                const announce = e.currentTarget.value as typeof voice.announce;
                edit((d) => void (d.voice.announce = announce));
              }}
            >
              <option value="clips">{t.announceClips}</option>
              <option value="browser-voice">{t.announceBrowser}</option>
              <option value="chime-only">{t.announceChimeOnly}</option>
            </select>
          </Labelled>
        </div>
        <div class="label-text">{t.playOn}</div>
        {centralDisplays.length === 0 && <p class="muted">{t.noCentralDisplays}</p>}
        <div class="check-row">
          {centralDisplays.map((dev) => (
            <CheckBox
              key={dev.id}
              label={dev.name}
              checked={voice.playOnDeviceIds.includes(dev.id)}
              onChange={(on) =>
                edit((d) => {
                  const ids = d.voice.playOnDeviceIds.filter((id) => id !== dev.id);
                  d.voice.playOnDeviceIds = on ? [...ids, dev.id] : ids;
                })
              }
            />
          ))}
        </div>
        <IssueText path="voice.playOnDeviceIds" />
        <div class="listen">
          <button type="button" class="secondary" onClick={listen}>
            ▶ {t.listen}
          </button>
          <span class="hint">{t.listenHint}</span>
          <a href={href('quan-tri', 'giong-doc')}>{t.recordOwnVoice}</a>
          {listenFailed && <span class="error">{t.listenFailed}</span>}
        </div>
      </Card>
    </div>
  );
}
