import { describe, expect, it } from 'vitest';
import { CallAnnouncer, type Announcement, type Call } from './call-announcer';

/** A player whose calls finish only when the test says so, like real audio. */
function manualPlayer() {
  const playing: { call: Call; finish: (err?: Error) => void }[] = [];
  const play = (call: Call, started: () => void) =>
    new Promise<void>((resolve, reject) => {
      started();
      playing.push({ call, finish: (err) => (err ? reject(err) : resolve()) });
    });
  return { play, playing };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('CallAnnouncer', () => {
  it('plays calls that arrive together one after another, in arrival order', async () => {
    const player = manualPlayer();
    const log: Announcement[] = [];
    let now = 0;
    const announcer = new CallAnnouncer(player.play, log, () => {}, () => ++now);
    announcer.enqueue({ label: '1005', counterId: 3 });
    announcer.enqueue({ label: '2001', counterId: 5 });
    await tick();
    expect(player.playing.map((p) => p.call.label)).toEqual(['1005']);
    player.playing[0].finish();
    await tick();
    expect(player.playing.map((p) => p.call.label)).toEqual(['1005', '2001']);
    player.playing[1].finish();
    await tick();
    expect(log.map((a) => a.label)).toEqual(['1005', '2001']);
    expect(log[0].endedAt!).toBeLessThanOrEqual(log[1].startedAt);
  });

  it('records a call that fails with its error and goes on with the next', async () => {
    const log: Announcement[] = [];
    const played: string[] = [];
    const announcer = new CallAnnouncer(async (call, started) => {
      if (call.label === '1005') throw new Error('HTTP 404');
      started();
      played.push(call.label);
    }, log);
    announcer.enqueue({ label: '1005', counterId: 3 });
    announcer.enqueue({ label: '1006', counterId: 4 });
    await tick();
    await tick();
    expect(played).toEqual(['1006']);
    expect(log).toMatchObject([
      { label: '1005', counterId: 3, error: 'Error: HTTP 404' },
      { label: '1006', counterId: 4 },
    ]);
    expect(log[1].error).toBeUndefined();
    expect(log.every((a) => a.endedAt !== undefined)).toBe(true);
  });

  it('reports speaking while calls are pending and silence once all are spoken', async () => {
    const player = manualPlayer();
    const speaking: boolean[] = [];
    const announcer = new CallAnnouncer(player.play, [], (s) => speaking.push(s));
    announcer.enqueue({ label: '1005', counterId: 3 });
    announcer.enqueue({ label: '1006', counterId: 3 });
    await tick();
    expect(speaking).toEqual([true]);
    player.playing[0].finish();
    await tick();
    player.playing[1].finish();
    await tick();
    expect(speaking).toEqual([true, false]);
  });

  it('drops calls not yet spoken once stopped', async () => {
    const player = manualPlayer();
    const announcer = new CallAnnouncer(player.play, []);
    announcer.enqueue({ label: '1005', counterId: 3 });
    announcer.enqueue({ label: '1006', counterId: 3 });
    await tick();
    announcer.stop();
    announcer.enqueue({ label: '1007', counterId: 3 });
    player.playing[0].finish();
    await tick();
    expect(player.playing.map((p) => p.call.label)).toEqual(['1005']);
  });
});
