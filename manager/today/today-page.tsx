// Today, live: who waits where and for how long, what each counter is doing, the day's
// figures so far, and anything that needs a manager now.
import type { LiveData } from '@client/connection';
import { errorText } from '@client/texts';
import { formatTime } from '@client/format';
import { Card } from '../card';
import { count, minutesText } from '../format';
import { appTexts, todayTexts as t } from '../texts';
import { AlertList } from './alert-list';
import { CounterTable } from './counter-table';
import { FieldTable } from './field-table';
import { Kpi } from '../kpi';
import { SatisfactionBar } from './satisfaction-bar';
import { useLiveToday } from './use-live-today';

export function TodayPage(props: { live: LiveData }) {
  const { today, error, status } = useLiveToday(props.live.version);
  const threshold = props.live.snapshot?.config.alerts.waitMinutes ?? 30;

  return (
    <div class="page today">
      <header class="page-head">
        <h1>{t.heading}</h1>
        {today && <span class="page-meta" data-updated-at={today.at}>{t.updatedAt(formatTime(today.at))}</span>}
      </header>
      <AlertList alerts={props.live.alerts} printer={props.live.printer} />
      {!today && error && <p class="error">{status === 404 ? appTexts.notAvailable : errorText(error)}</p>}
      {!today && !error && <p class="muted">{appTexts.loading}</p>}
      {today && (
        <>
          <div class="kpi-grid">
            <Kpi label={t.waitingNow} value={count(today.waiting)} tone={today.waiting > 0 ? 'blue' : 'plain'} id="waiting" />
            <Kpi
              label={t.longestWait}
              value={today.longestWait ? minutesText(today.longestWait.seconds) : t.nobodyWaiting}
              sub={today.longestWait ? t.longestWaitTicket(today.longestWait.label) : undefined}
              tone={today.longestWait && today.longestWait.seconds >= threshold * 60 ? 'red' : 'plain'}
              id="longest-wait"
            />
            <Kpi label={t.issued} value={count(today.figures.visits)} id="visits" />
            <Kpi label={t.served} value={count(today.figures.served)} tone="green" id="served" />
            <Kpi label={t.noShows} value={count(today.figures.noShows)} id="no-shows" />
            <Kpi label={t.averageWait} value={minutesText(today.figures.wait.averageSeconds)} id="average-wait" />
            <Kpi label={t.averageService} value={minutesText(today.figures.service.averageSeconds)} id="average-service" />
            <Kpi label={t.priority} value={count(today.figures.priority)} sub={`${t.transferred}: ${count(today.figures.transferred)}`} id="priority" />
          </div>
          <div class="two-columns">
            <Card title={t.fieldsHeading}>
              <FieldTable fields={today.fields} thresholdMinutes={threshold} />
            </Card>
            <Card title={t.satisfaction}>
              <SatisfactionBar ratings={today.figures.ratings} />
            </Card>
          </div>
          <Card title={t.countersHeading}>
            <CounterTable counters={today.counters} />
          </Card>
        </>
      )}
    </div>
  );
}
