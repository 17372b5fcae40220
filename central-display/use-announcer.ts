// Wires the spoken calls to the live queue: only the displays named in the voice settings
// speak, and they announce each call and recall as its event arrives.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { VoiceConfig } from '@protocol/config';
import { routeOf } from '@client/api';
import type { Connection, LiveData } from '@client/connection';
import { createAudioPlayer, playServerSound } from './audio-player';
import { createBrowserVoicePlayer } from './browser-voice';
import { CallAnnouncer, type Announcement } from './call-announcer';

declare global {
  interface Window {
    /** Every spoken call of this page, in order (read by the browser tests). */
    __announcements?: Announcement[];
  }
}

export interface AnnouncerState {
  enabled: boolean;
  speaking: boolean;
  /** The browser refused to play without a click (kiosk flag missing). */
  blocked: boolean;
}

export function useAnnouncer(conn: Connection, data: LiveData, token: string): AnnouncerState {
  const snapshot = data.snapshot;
  const enabled = !!snapshot && snapshot.config.voice.playOnDeviceIds.includes(snapshot.you.id ?? '');
  const [speaking, setSpeaking] = useState(false);
  const [blocked, setBlocked] = useState(false);

  const settings = useRef<VoiceConfig | null>(null);
  settings.current = snapshot?.config.voice ?? null;

  const announcer = useMemo(() => {
    const log = (window.__announcements ??= []);
    const audio = new Audio();
    const clips = createAudioPlayer(token, audio);
    // The display's own voice where the settings ask for it and the browser has the Web Speech API.
    const ownVoice =
      'speechSynthesis' in window
        ? createBrowserVoicePlayer({
            synth: window.speechSynthesis,
            makeUtterance: (text) => new SpeechSynthesisUtterance(text),
            playChime: (started) => playServerSound(token, audio, routeOf('voice:chime', {}).url, started),
            fallback: clips,
            settings: () => settings.current!,
          })
        : clips;
    const play: typeof clips = (call, started) => (settings.current?.announce === 'browser-voice' ? ownVoice : clips)(call, started);
    return new CallAnnouncer(
      async (call, started) => {
        try {
          await play(call, started);
        } catch (err) {
          if (err instanceof Error && err.name === 'NotAllowedError') setBlocked(true);
          throw err;
        }
      },
      log,
      setSpeaking,
    );
  }, [token]);
  useEffect(() => () => announcer.stop(), [announcer]);

  useEffect(() => {
    if (!enabled) return;
    return conn.onEvent((e) => {
      if (e.type !== 'ticket.called' && e.type !== 'ticket.recalled') return;
      announcer.enqueue({ label: e.label, counterId: e.counterId });
    });
  }, [conn, announcer, enabled]);

  useEffect(() => {
    if (!blocked) return;
    // One click anywhere gives the page the user activation the browser asks for.
    const unblock = () => setBlocked(false);
    document.addEventListener('pointerdown', unblock, { once: true });
    return () => document.removeEventListener('pointerdown', unblock);
  }, [blocked]);

  return { enabled, speaking, blocked };
}
