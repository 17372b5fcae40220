// The hall's big screen at 1920×1080: the current call large, the calls just before it,
// every counter's number, each field's waiting count, the date and time, and the managers'
// notice scrolling below.
import { useEffect } from 'preact/hooks';
import { formatTime, formatWeekdayDate } from '@client/format';
import { useConnection } from '@client/hooks';
import { ConnectionBanner } from '@client/pairing';
import { useServerNow } from '@client/server-clock';
import { CounterGrid } from './counter-grid';
import { isCurrentCall, recentCalls } from './current-call';
import { LatestCall } from './latest-call';
import { NoticeMarquee } from './notice-marquee';
import { RecentCalls } from './recent-calls';
import { texts as t } from './texts';
import { useAnnouncer } from './use-announcer';
import { WaitingCounts } from './waiting-counts';

/** 🔊 drawn, not typed: kiosk PCs often have no colour emoji font. */
function SpeakerIcon() {
  return (
    <svg class="speaker-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
      <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}

/** How long the newest call stays highlighted. */
const FRESH_MS = 8_000;
/** Calls listed under the current one. */
const RECENT_SHOWN = 5;

export function CentralScreen(props: { token: string; onRevoked: () => void }) {
  const { conn, data } = useConnection(props.token);
  const now = useServerNow(data.snapshot);
  const voice = useAnnouncer(conn, data, props.token);
  useEffect(() => {
    if (data.status === 'unauthorized') props.onRevoked();
  }, [data.status]);

  const { snapshot, state } = data;
  if (!snapshot || !state) {
    return (
      <div class="central">
        <ConnectionBanner status={data.status} />
        <p class="central-loading">{t.loading}</p>
      </div>
    );
  }
  const config = snapshot.config;
  const tz = config.centre.timeZone;
  // The big panel shows the newest call only while its citizen is still being served.
  const newest = state.recentCalls[0];
  const latest = newest && isCurrentCall(state, newest) ? newest : undefined;
  const freshSeq = latest && now - latest.at < FRESH_MS ? latest.seq : undefined;

  return (
    <div class="central">
      <ConnectionBanner status={data.status} />
      <header class="central-head">
        <div class="centre-name">{config.centre.name}</div>
        {voice.speaking && (
          <div class="speaking" role="status" title={t.speaking}>
            <SpeakerIcon />
            <span>{t.speakingShort}</span>
          </div>
        )}
        <div class="clock">
          <div class="clock-time">{formatTime(now, tz)}</div>
          <div class="clock-date">{formatWeekdayDate(now, tz)}</div>
        </div>
      </header>
      {voice.blocked && <div class="audio-blocked">{t.audioBlocked}</div>}
      <main class="central-body">
        <div class="central-left">
          <LatestCall call={latest} config={config} fresh={freshSeq !== undefined} />
          <WaitingCounts state={state} config={config} waits={snapshot.waits} />
        </div>
        <div class="central-right">
          <RecentCalls calls={recentCalls(state, RECENT_SHOWN, latest?.ticketId)} state={state} />
          <CounterGrid state={state} config={config} highlightCounterId={freshSeq !== undefined ? latest!.counterId : undefined} />
        </div>
      </main>
      <NoticeMarquee text={config.notice} />
    </div>
  );
}
