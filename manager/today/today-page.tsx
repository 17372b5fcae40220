// Today, live: who waits where and for how long, what each counter is doing, the day's
// figures so far, and anything that needs a manager now.
import type { LiveData } from '@client/connection';
import { errorText } from '@client/texts';
import { formatTime } from '@client/format';
import { Card } from '../card';
import { count, minutesText, percentText } from '../format';
import { appTexts, todayTexts as t } from '../texts';
import { AlertList } from './alert-list';
import { BookingsToday } from './bookings-today';
import { CounterTable } from './counter-table';
import { FieldTable } from './field-table';
import { Kpi } from '../kpi';
import { SatisfactionBar } from './satisfaction-bar';
import { StaffTable } from './staff-table';
import { useLiveToday } from './use-live-today';

export function TodayPage(props: { live: LiveData }) {
  const { today, error, status } = useLiveToday(props.live.version);
  const v = today?.totals.visits;
  const s = today?.totals.services;
  const longestField = today?.longestWait ? today.fields.find((f) => f.serviceId === today.longestWait!.serviceId) : undefined;
  const longestLate = !!longestField && longestField.overTarget > 0;

  return (
    <div class="page today">
      <header class="page-head">
        <h1>{t.heading}</h1>
        {today && <span class="page-meta" data-updated-at={today.at}>{t.updatedAt(formatTime(today.at))}</span>}
      </header>
      <AlertList alerts={props.live.alerts} printer={props.live.printer} />
      {!today && error && <p class="error">{status === 404 ? appTexts.notAvailable : errorText(error)}</p>}
      {!today && !error && <p class="muted">{appTexts.loading}</p>}
      {today && v && s && (
        <>
          <div class="kpi-grid">
            <Kpi label={t.waitingNow} value={count(today.waiting)} tone={today.waiting > 0 ? 'blue' : 'plain'} id="waiting" />
            <Kpi
              label={t.longestWait}
              value={today.longestWait ? minutesText(today.longestWait.seconds) : t.nobodyWaiting}
              sub={today.longestWait ? t.longestWaitTicket(today.longestWait.label) : undefined}
              tone={longestLate ? 'red' : 'plain'}
              id="longest-wait"
            />
            <Kpi label={t.issued} value={count(v.visits)} id="visits" />
            <Kpi label={t.served} value={count(v.served)} tone="green" id="served" />
            <Kpi label={t.noShows} value={count(s.absences)} sub={t.absentVisits(count(v.absent))} id="no-shows" />
            <Kpi label={t.serviceLevel} value={percentText(s.serviceLevelPercent)} sub={t.serviceLevelSub} id="service-level" />
            <Kpi label={t.averageWait} value={minutesText(v.wait.averageSeconds)} id="average-wait" />
            <Kpi label={t.averageService} value={minutesText(s.serviceTime.averageSeconds)} id="average-service" />
            <Kpi label={t.transfersMade} value={count(s.transfers)} sub={`${t.priority}: ${count(v.priority)}`} id="transfers" />
            <Kpi label={t.dossiers} value={count(s.dossiers)} id="dossiers" />
          </div>
          <div class="two-columns">
            <Card title={t.fieldsHeading}>
              <FieldTable fields={today.fields} />
            </Card>
            <Card title={t.satisfaction}>
              <SatisfactionBar ratings={s.ratings} />
            </Card>
          </div>
          <Card title={t.countersHeading}>
            <CounterTable counters={today.counters} />
          </Card>
          <Card title={t.staffHeading}>
            <StaffTable staff={today.staff} />
          </Card>
          {props.live.snapshot?.config.appointments.enabled && <BookingsToday live={props.live} />}
        </>
      )}
    </div>
  );
}
