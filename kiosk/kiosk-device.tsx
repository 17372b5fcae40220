// The ticket kiosk as a paired device: field buttons, priority, the procedure look-up, an
// appointment's check-in by its code, and the confirmation or refusal after each tap. The look-up page is the same device started
// in look-up mode, so both issue tickets the same way (ticket:issue over the socket).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { request } from '@client/api';
import { useConnection, useStored } from '@client/hooks';
import { Pairing } from '@client/pairing';
import { useServerNow } from '@client/server-clock';
import type { BookingView } from '@protocol/appointments';
import type { Procedure } from '@protocol/catalogue';
import type { CentreConfig, ServiceConfig } from '@protocol/config';
import type { ErrorCode } from '@protocol/errors';
import type { IssuedTicket } from '@protocol/events';
import type { TicketAvailability } from './lookup/procedure-detail';
import { ProcedureLookup } from './lookup/procedure-lookup';
import { lookupTexts } from './lookup/texts';
import { BookingCodeEntry } from './booking-code-entry';
import { CheckInRefusal } from './check-in-refusal';
import { FieldsScreen } from './fields-screen';
import { useIdleReset } from './idle-reset';
import { KioskHeader } from './kiosk-header';
import { OfflineBanner } from './offline-banner';
import { openingHoursLines, openingStatus } from './opening-hours';
import { PriorityPicker } from './priority-picker';
import { RefusalMessage } from './refusal-message';
import { kioskTexts as t } from './texts';
import { TicketConfirmation } from './ticket-confirmation';

export type KioskHome = 'fields' | 'lookup';
type Category = CentreConfig['priorityCategories'][number];

type Screen =
  | { kind: 'fields'; priority?: Category }
  | { kind: 'priority' }
  | { kind: 'lookup' }
  | { kind: 'appointment'; typed?: string }
  | { kind: 'issued'; ticket: IssuedTicket; priorityName?: string; appointment?: { start: string; again: boolean } }
  | { kind: 'refused'; code: ErrorCode; serviceName: string }
  | { kind: 'check-in-refused'; code: ErrorCode; typed: string; booking?: BookingView; calledLabel?: string };

// A citizen who stops touching a half-made choice has most likely walked away.
const IDLE_CHOICE_MS = 60_000;
const IDLE_LOOKUP_MS = 120_000;

export function KioskDevice(props: { home: KioskHome; tokenKey: string }) {
  const [token, setToken] = useStored(props.tokenKey);
  if (!token) {
    return (
      <div class="kiosk-pairing">
        <Pairing role="kiosk" touch onPaired={setToken} />
      </div>
    );
  }
  return <KioskScreen token={token} home={props.home} onUnpaired={() => setToken(null)} />;
}

function KioskScreen(props: { token: string; home: KioskHome; onUnpaired: () => void }) {
  const { conn, data } = useConnection(props.token);
  const now = useServerNow(data.snapshot);
  const homeScreen = useCallback((): Screen => (props.home === 'lookup' ? { kind: 'lookup' } : { kind: 'fields' }), [props.home]);
  const [screen, setScreen] = useState<Screen>(homeScreen);
  const [issuing, setIssuing] = useState(false);
  // A double tap lands before the re-render that disables the buttons: one ticket per tap.
  const inFlight = useRef(false);
  // A new look-up session starts empty for the next citizen.
  const [lookupSession, setLookupSession] = useState(0);
  const goHome = useCallback(() => {
    setScreen(homeScreen());
    setLookupSession((n) => n + 1);
  }, [homeScreen]);

  useEffect(() => {
    if (data.status === 'unauthorized') props.onUnpaired();
  }, [data.status]);

  const halfway = screen.kind === 'priority' || screen.kind === 'appointment' || (screen.kind === 'fields' && screen.priority !== undefined);
  useIdleReset(halfway, IDLE_CHOICE_MS, goHome);
  useIdleReset(screen.kind === 'lookup', IDLE_LOOKUP_MS, goHome);

  const config = data.snapshot?.config;
  if (!config) {
    return (
      <div class="kiosk">
        {data.status === 'offline' && <OfflineBanner status={data.status} />}
        <div class="kiosk-loading">{t.connecting}</div>
      </div>
    );
  }

  const online = data.status === 'online';
  const opening = openingStatus(config, now);
  const hoursLines = openingHoursLines(config, t.weekdays);

  const issue = async (service: ServiceConfig, category?: Category) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setIssuing(true);
    const res = await conn.send('ticket:issue', {
      serviceId: service.id,
      ...(category ? { priority: true, priorityCategoryId: category.id } : {}),
    });
    inFlight.current = false;
    setIssuing(false);
    if (res.ok) setScreen({ kind: 'issued', ticket: res.data, ...(category ? { priorityName: category.name } : {}) });
    else setScreen({ kind: 'refused', code: res.error.code, serviceName: service.name });
  };

  /**
   * The booking is read first for what the citizen is told (its slot, when check-in opens, or
   * that it was checked in before); the check-in itself decides, and prints at this kiosk.
   */
  const checkIn = async (typed: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setIssuing(true);
    const found = await request('appointment:look-up', { code: typed }, props.token);
    // Checked in before and its number already called: a second paper would only confuse.
    const earlier = found.ok && found.data.ticketId ? data.state?.tickets[found.data.ticketId] : undefined;
    if (found.ok && earlier && earlier.status !== 'waiting') {
      inFlight.current = false;
      setIssuing(false);
      return setScreen({ kind: 'check-in-refused', code: 'already-checked-in', typed, booking: found.data, calledLabel: earlier.label });
    }
    const res = found.ok ? await request('appointment:check-in', { code: typed }, props.token) : found;
    inFlight.current = false;
    setIssuing(false);
    const booking = found.ok ? found.data : undefined;
    if (res.ok) setScreen({ kind: 'issued', ticket: res.data, appointment: { start: booking!.start, again: booking!.state === 'checked-in' } });
    else setScreen({ kind: 'check-in-refused', code: res.error.code, typed, ...(booking ? { booking } : {}) });
  };

  const availability = (p: Procedure): TicketAvailability => {
    const service = config.services.find((s) => s.id === p.serviceId);
    if (!service?.active) return { ok: false, reason: lookupTexts.fieldNotIssuing };
    if (!online) return { ok: false, reason: t.refusedOffline };
    if (!opening.open) return { ok: false, reason: `${t.closedTitle}. ${t.closedComeBack}` };
    return { ok: true };
  };
  const takeTicketFor = (p: Procedure) => {
    const service = config.services.find((s) => s.id === p.serviceId);
    if (service) void issue(service);
  };

  let body;
  switch (screen.kind) {
    case 'issued':
      body = (
        <TicketConfirmation
          ticket={screen.ticket}
          {...(screen.priorityName ? { priorityName: screen.priorityName } : {})}
          {...(screen.appointment ? { appointment: screen.appointment } : {})}
          confirmSeconds={config.kiosk.confirmSeconds}
          paperAtKiosk={props.home === 'fields'}
          onDone={goHome}
        />
      );
      break;
    case 'refused':
      body = <RefusalMessage code={screen.code} serviceName={screen.serviceName} hoursLines={hoursLines} seconds={config.kiosk.confirmSeconds} onDone={goHome} />;
      break;
    case 'check-in-refused':
      body = (
        <CheckInRefusal
          code={screen.code}
          typed={screen.typed}
          {...(screen.booking ? { booking: screen.booking } : {})}
          {...(screen.calledLabel ? { calledLabel: screen.calledLabel } : {})}
          timeZone={config.centre.timeZone}
          seconds={config.kiosk.confirmSeconds}
          onDone={goHome}
          onRetype={(typed) => setScreen({ kind: 'appointment', typed })}
        />
      );
      break;
    case 'appointment':
      body = <BookingCodeEntry {...(screen.typed ? { initial: screen.typed } : {})} disabled={!online || issuing} onSubmit={(code) => void checkIn(code)} onBack={goHome} />;
      break;
    case 'priority':
      body = <PriorityPicker categories={config.priorityCategories} onChoose={(c) => setScreen({ kind: 'fields', priority: c })} onBack={goHome} />;
      break;
    case 'lookup':
      body = (
        <ProcedureLookup
          key={lookupSession}
          services={config.services}
          availability={availability}
          onTakeTicket={takeTicketFor}
          {...(props.home === 'fields' ? { exit: { label: t.backToFields, onExit: goHome } } : {})}
        />
      );
      break;
    case 'fields':
      body = (
        <FieldsScreen
          config={config}
          state={data.state}
          opening={opening}
          hoursLines={hoursLines}
          {...(screen.priority ? { priority: screen.priority } : {})}
          canIssue={online && !issuing}
          onChooseField={(s, priority) => void issue(s, priority)}
          onPriority={() => setScreen({ kind: 'priority' })}
          onAppointment={() => setScreen({ kind: 'appointment' })}
          onLookup={() => setScreen({ kind: 'lookup' })}
          onCancelPriority={goHome}
        />
      );
      break;
  }

  return (
    <div class="kiosk">
      <OfflineBanner status={data.status} />
      <KioskHeader centreName={config.centre.name} subtitle={config.centre.subtitle} now={now} timeZone={config.centre.timeZone} />
      <main class="kiosk-main">{body}</main>
      {issuing && (
        <div class="kiosk-issuing" role="status">
          {screen.kind === 'appointment' ? t.checkingIn : t.issuing}
        </div>
      )}
    </div>
  );
}
