import type { VoiceConfig } from '@protocol/config';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserVoicePlayer, findVietnameseVoice, type SpeechSynthesisLike } from './browser-voice';
import { CallAnnouncer, type Announcement, type Call } from './call-announcer';

const settings: VoiceConfig = {
  template: 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}',
  repeats: 2,
  rate: 0.9,
  chime: true,
  announce: 'browser-voice',
  playOnDeviceIds: [],
};

const voice = (name: string, lang: string, localService = true) => ({ name, lang, localService, default: false, voiceURI: name }) as SpeechSynthesisVoice;
const AN = voice('Microsoft An - Vietnamese (Vietnam)', 'vi-VN');

type FakeUtterance = Partial<SpeechSynthesisUtterance> & { text: string };

/** A speechSynthesis stand-in: speaks one utterance at a time, each ending a moment after it starts,
 *  unless told to fail or never to end. Logs what happened in order. */
function stubSynth(voices: SpeechSynthesisVoice[], behave: (text: string, n: number) => 'ok' | 'error' | 'stuck' = () => 'ok') {
  const log: string[] = [];
  let speaking = 0;
  let n = 0;
  const synth: SpeechSynthesisLike & { log: string[]; cancelled: number } = {
    log,
    cancelled: 0,
    getVoices: () => voices,
    speak(u) {
      const utterance = u as unknown as FakeUtterance;
      const how = behave(utterance.text, n++);
      speaking++;
      log.push(`speak ${utterance.text} @${utterance.voice?.name} rate ${utterance.rate}`);
      if (speaking > 1) log.push('OVERLAP');
      setTimeout(() => {
        if (how === 'error') {
          speaking--;
          return utterance.onerror?.call(u, { error: 'synthesis-failed' } as SpeechSynthesisErrorEvent);
        }
        utterance.onstart?.call(u, {} as SpeechSynthesisEvent);
        if (how === 'ok')
          setTimeout(() => {
            speaking--;
            utterance.onend?.call(u, {} as SpeechSynthesisEvent);
          }, 20);
      }, 5);
    },
    cancel() {
      synth.cancelled++;
      speaking = 0;
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  return synth;
}

function setup(synth: ReturnType<typeof stubSynth>) {
  const log: Announcement[] = [];
  const fallback = vi.fn(async (call: Call, started: (via?: 'clips') => void) => {
    synth.log.push(`clips ${call.label}`);
    started('clips');
    await new Promise((r) => setTimeout(r, 10));
  });
  const player = createBrowserVoicePlayer({
    synth,
    makeUtterance: (text) => ({ text }) as unknown as SpeechSynthesisUtterance,
    playChime: async (started) => {
      synth.log.push('chime');
      started();
    },
    fallback,
    settings: () => settings,
    voicesWaitMs: 0,
  });
  return { announcer: new CallAnnouncer(player, log), log, fallback };
}

const settle = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
};

afterEach(() => {
  vi.useRealTimers();
});

describe('findVietnameseVoice', () => {
  it('takes a Vietnamese voice, a local one first, and nothing else', () => {
    expect(findVietnameseVoice([voice('Google US English', 'en-US'), voice('Online vi', 'vi-VN', false), AN])).toBe(AN);
    expect(findVietnameseVoice([voice('Google US English', 'en-US')])).toBeNull();
    expect(findVietnameseVoice([voice('eSpeak vi', 'vi')])?.name).toBe('eSpeak vi');
  });
});

describe('the display’s own voice through the call queue', () => {
  it('speaks calls that arrive together one at a time, in order, chime then the sentence twice', async () => {
    vi.useFakeTimers();
    const synth = stubSynth([voice('Google US English', 'en-US'), AN]);
    const { announcer, log } = setup(synth);
    announcer.enqueue({ label: '1005', counterId: 3 });
    announcer.enqueue({ label: 'T012', counterId: 15 });
    await settle(10_000);
    const first = 'Xin mời công dân có số thứ tự một không không năm đến quầy số ba';
    const second = 'Xin mời công dân có số thứ tự tê không một hai đến quầy số mười lăm';
    const said = (t: string) => `speak ${t} @${AN.name} rate 0.9`;
    expect(synth.log).toEqual(['chime', said(first), said(first), 'chime', said(second), said(second)]);
    expect(log.map((a) => [a.label, a.via, a.error])).toEqual([
      ['1005', 'browser-voice', undefined],
      ['T012', 'browser-voice', undefined],
    ]);
    expect(log[0].endedAt!).toBeLessThanOrEqual(log[1].startedAt);
  });

  it('plays the server’s clips when the system has no Vietnamese voice, and drops no call', async () => {
    vi.useFakeTimers();
    const synth = stubSynth([voice('Google US English', 'en-US')]);
    const { announcer, log, fallback } = setup(synth);
    for (const label of ['1001', '1002', '1003']) announcer.enqueue({ label, counterId: 1 });
    await settle(1000);
    expect(synth.log).toEqual(['clips 1001', 'clips 1002', 'clips 1003']);
    expect(fallback).toHaveBeenCalledTimes(3);
    expect(log.map((a) => a.via)).toEqual(['clips', 'clips', 'clips']);
  });

  it('falls back to the clips for a call whose voice fails before saying anything, then speaks the next itself', async () => {
    vi.useFakeTimers();
    const synth = stubSynth([AN], (_text, n) => (n === 0 ? 'error' : 'ok'));
    const { announcer, log } = setup(synth);
    announcer.enqueue({ label: '1005', counterId: 3 });
    announcer.enqueue({ label: '1006', counterId: 3 });
    await settle(10_000);
    expect(synth.log.filter((l) => !l.startsWith('speak'))).toEqual(['chime', 'clips 1005', 'chime']);
    expect(log.map((a) => [a.label, a.via])).toEqual([
      ['1005', 'browser-voice'],
      ['1006', 'browser-voice'],
    ]);
    expect(synth.log.filter((l) => l.includes('một không không sáu'))).toHaveLength(2);
  });

  it('gives up on a voice that never ends, records it, and goes on with the next call', async () => {
    vi.useFakeTimers();
    const synth = stubSynth([AN], (_text, n) => (n === 1 ? 'stuck' : 'ok'));
    const { announcer, log } = setup(synth);
    announcer.enqueue({ label: '1005', counterId: 3 });
    announcer.enqueue({ label: '1006', counterId: 3 });
    await settle(60_000);
    expect(synth.cancelled).toBe(1);
    expect(log.map((a) => a.label)).toEqual(['1005', '1006']);
    expect(log[0].error).toMatch(/did not finish/);
    expect(log[1].error).toBeUndefined();
    expect(synth.log).not.toContain('OVERLAP');
  });
});
