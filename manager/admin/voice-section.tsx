// "Giọng đọc": the centre records its own voice, clip by clip, in the browser. Each recording is
// sent to the server (checked, trimmed, levelled) as a draft, heard alone or in a whole sample
// call, then kept or thrown away; a kept clip goes back to the engine's voice in one click.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClipGroup, VoiceClip } from '@protocol/voice-clips';
import { routeOf } from '@client/api';
import { useApi } from '../api-client';
import { Card } from '../card';
import { count } from '../format';
import { refusal } from '../refusal';
import { appTexts, voiceTexts as t } from '../texts';
import { useResource } from '../use-resource';
import { MAX_SECONDS, openMicrophone, startRecording, type Recording } from './microphone-recorder';

const GROUPS: ClipGroup[] = ['phrase', 'digit', 'number-word', 'letter', 'counter', 'chime'];

type Busy = { key: string; what: 'recording' | 'processing'; startedAt: number } | null;

export function VoiceSection() {
  const client = useApi();
  const list = useResource('voice:clips', {});
  const [onlyInUse, setOnlyInUse] = useState(true);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<{ key: string; text: string } | null>(null);
  const [, setTick] = useState(0);
  const microphone = useRef<MediaStream | null>(null);
  const recording = useRef<Recording | null>(null);
  const player = useRef<HTMLAudioElement | null>(null);

  useEffect(
    () => () => {
      recording.current?.cancel();
      microphone.current?.getTracks().forEach((track) => track.stop());
      player.current?.pause();
    },
    [],
  );
  useEffect(() => {
    if (busy?.what !== 'recording') return;
    const timer = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [busy]);

  const play = async (key: string, which: Listen) => {
    setMessage(null);
    const input = { key, ...(which.draft ? { draft: '1' as const } : {}) };
    const path = routeOf(which.name, input).url;
    const blob = await client.blob(which.name, input);
    if (!blob) return setMessage({ key, text: t.playFailed });
    player.current?.pause();
    const audio = new Audio(URL.createObjectURL(blob));
    player.current = audio;
    audio.dataset.playing = path;
    audio.onended = () => URL.revokeObjectURL(audio.src);
    await audio.play().catch(() => setMessage({ key, text: t.playFailed }));
  };

  const record = async (key: string) => {
    setMessage(null);
    try {
      microphone.current ??= await openMicrophone();
    } catch {
      return setMessage({ key, text: t.noMicrophone });
    }
    recording.current = startRecording(microphone.current, () => void stop(key));
    setBusy({ key, what: 'recording', startedAt: Date.now() });
  };

  const stop = async (key: string) => {
    const current = recording.current;
    if (!current) return;
    recording.current = null;
    setBusy({ key, what: 'processing', startedAt: Date.now() });
    try {
      const wav = await current.stop();
      const res = await client.upload('voice:save-draft', { key }, wav);
      if (res.status !== 200) setMessage({ key, text: res.body && 'code' in res.body ? refusal(res.body) : appTexts.notAvailable });
    } catch {
      setMessage({ key, text: t.noMicrophone });
    } finally {
      setBusy(null);
      await list.reload();
    }
  };

  const act = async (key: string, name: 'voice:keep-draft' | 'voice:discard-draft' | 'voice:revert') => {
    setMessage(null);
    const res = await client.request(name, { key });
    if (!res.ok) setMessage({ key, text: refusal(res.error) });
    await list.reload();
  };

  const data = list.data;
  if (!data) return <Card title={t.heading}>{list.error ? <p class="error">{refusal(list.error)}</p> : <p>{appTexts.loading}</p>}</Card>;
  const shown = data.clips.filter((c) => !onlyInUse || c.inUse || c.recorded || c.draft || c.group === 'counter' || c.group === 'chime');

  return (
    <div class="stack voice-page">
      <Card title={t.heading} intro={t.intro}>
        <div class="voice-progress" data-recorded={data.recordedInUse} data-in-use={data.inUse}>
          <progress max={data.inUse} value={data.recordedInUse} aria-label={t.progress(count(data.recordedInUse), count(data.inUse))} />
          <span>{t.progress(count(data.recordedInUse), count(data.inUse))}</span>
        </div>
        <label class="check">
          <input type="checkbox" checked={onlyInUse} onChange={(e) => setOnlyInUse(e.currentTarget.checked)} /> {t.onlyInUse}
        </label>
      </Card>
      {GROUPS.map((group) => {
        const clips = shown.filter((c) => c.group === group);
        if (!clips.length) return null;
        return (
          <Card key={group} title={t.groups[group]}>
            <ul class="voice-clips">
              {clips.map((clip) => (
                <ClipRow
                  key={clip.key}
                  clip={clip}
                  busy={busy?.key === clip.key ? busy : null}
                  anyBusy={!!busy}
                  message={message?.key === clip.key ? message.text : ''}
                  onListen={(which) => void play(clip.key, which)}
                  onRecord={() => void record(clip.key)}
                  onStop={() => void stop(clip.key)}
                  onKeep={() => void act(clip.key, 'voice:keep-draft')}
                  onDiscard={() => void act(clip.key, 'voice:discard-draft')}
                  onRevert={() => void act(clip.key, 'voice:revert')}
                />
              ))}
            </ul>
          </Card>
        );
      })}
    </div>
  );
}

/** Which sound of a clip to hear: as it is, its draft alone, or its draft in a sample call. */
interface Listen {
  name: 'voice:clip-audio' | 'voice:clip-sample';
  draft: boolean;
}

function ClipRow(props: {
  clip: VoiceClip;
  busy: Busy;
  anyBusy: boolean;
  message: string;
  onListen(which: Listen): void;
  onRecord(): void;
  onStop(): void;
  onKeep(): void;
  onDiscard(): void;
  onRevert(): void;
}) {
  const { clip, busy } = props;
  const state = clip.draft ? 'draft' : clip.recorded ? 'recorded' : 'engine';
  const words = clip.group === 'chime' ? t.chimeWords : clip.group === 'counter' ? clip.label : clip.words;
  const seconds = busy?.what === 'recording' ? Math.min(MAX_SECONDS, (Date.now() - busy.startedAt) / 1000).toFixed(1) : '';
  return (
    <li class={`voice-clip ${state}`} data-clip={clip.key} data-state={state}>
      <div class="voice-words">
        <strong>{words}</strong>
        {clip.group === 'counter' && <span class="hint">{t.counterWords(clip.words)}</span>}
      </div>
      <span class={`badge ${state}`}>{state === 'draft' ? t.stateDraft : state === 'recorded' ? t.stateRecorded : t.stateEngine}</span>
      {!clip.inUse && clip.group !== 'chime' && clip.group !== 'counter' && <span class="hint">{t.notInUse}</span>}
      <div class="voice-actions">
        <button type="button" class="secondary" data-action="listen" onClick={() => props.onListen({ name: 'voice:clip-audio', draft: false })}>
          ▶ {t.listen}
        </button>
        {busy?.what === 'recording' ? (
          <button type="button" class="danger" data-action="stop" onClick={props.onStop}>
            ■ {t.stop} · {t.recording(seconds)}
          </button>
        ) : busy?.what === 'processing' ? (
          <span class="hint">{t.processing}</span>
        ) : (
          <button type="button" class="primary" data-action="record" disabled={props.anyBusy} onClick={props.onRecord}>
            ● {t.record}
          </button>
        )}
        {clip.draft && !busy && (
          <>
            <button type="button" class="secondary" data-action="listen-draft" onClick={() => props.onListen({ name: 'voice:clip-audio', draft: true })}>
              ▶ {t.listenDraft}
            </button>
            {clip.group !== 'chime' && (
              <button type="button" class="secondary" data-action="listen-in-call" onClick={() => props.onListen({ name: 'voice:clip-sample', draft: true })}>
                ▶ {t.listenInCall}
              </button>
            )}
            <button type="button" class="primary" data-action="keep" onClick={props.onKeep}>
              ✓ {t.keep}
            </button>
            <button type="button" class="link-button" data-action="discard" onClick={props.onDiscard}>
              {t.discard}
            </button>
          </>
        )}
        {clip.recorded && !clip.draft && !busy && (
          <button type="button" class="link-button" data-action="revert" onClick={props.onRevert}>
            ↺ {t.revert}
          </button>
        )}
      </div>
      {props.message && (
        <p class="error" role="alert">
          {props.message}
        </p>
      )}
    </li>
  );
}
