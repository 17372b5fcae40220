// Which calls the speaking central display announced. It speaks each call as its
// `queue:event` arrives (central-display/use-announcer.ts), so a call it never received as an
// event is never spoken, although its screen shows it after the next snapshot.
import type { Connection } from '../../client/connection';
import type { QueueEvent } from '@protocol/queue';

export interface Interval {
  from: number;
  to: number;
}

/** What the speaking display got: calls as they reached its socket, calls its connection passed on (and so were spoken), and when it was away. */
export interface SpeakerLog {
  received: Set<number>;
  heard: Set<number>;
  away: Interval[];
}

export function listenLikeTheSpeaker(conn: Connection): SpeakerLog {
  const log: SpeakerLog = { received: new Set(), heard: new Set(), away: [] };
  const isCall = (e: QueueEvent) => e.type === 'ticket.called' || e.type === 'ticket.recalled';
  conn.socket.on('queue:event', (e) => {
    if (isCall(e)) log.received.add(e.seq);
  });
  conn.onEvent((e) => {
    if (isCall(e)) log.heard.add(e.seq);
  });
  conn.socket.on('disconnect', () => log.away.push({ from: Date.now(), to: Number.POSITIVE_INFINITY }));
  conn.socket.on('connect', () => {
    const last = log.away.at(-1);
    if (last && last.to === Number.POSITIVE_INFINITY) last.to = Date.now();
  });
  return log;
}

export interface AnnouncementCoverage {
  calls: number;
  heard: number;
  /** Made while the display was reconnecting. */
  whileOffline: number;
  /** Caused by a command whose answer was lost: the server may have died before telling anyone. */
  inDoubt: number;
  /** Missed with the display connected and the call answered: a call nobody hears. */
  missedOnline: QueueEvent[];
  /** Of those, the ones that reached the display's socket: its connection resynced instead of passing them on. */
  droppedByConnection: number;
}

/** How long around a disconnect the display is counted away (its reconnect and snapshot take a moment). */
const SLACK_MS = 300;

export function announcementCoverage(events: readonly QueueEvent[], speaker: SpeakerLog, inDoubtSeqs: ReadonlySet<number>): AnnouncementCoverage {
  const { heard, away } = speaker;
  const out: AnnouncementCoverage = { calls: 0, heard: 0, whileOffline: 0, inDoubt: 0, missedOnline: [], droppedByConnection: 0 };
  for (const e of events) {
    if (e.type !== 'ticket.called' && e.type !== 'ticket.recalled') continue;
    out.calls++;
    if (heard.has(e.seq)) out.heard++;
    else if (away.some((i) => e.at >= i.from - SLACK_MS && e.at <= i.to + SLACK_MS)) out.whileOffline++;
    else if (inDoubtSeqs.has(e.seq)) out.inDoubt++;
    else {
      out.missedOnline.push(e);
      if (speaker.received.has(e.seq)) out.droppedByConnection++;
    }
  }
  return out;
}
