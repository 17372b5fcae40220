// What the server tells the apps: who they are, the views of the queue they show, and the
// broadcasts (ServerToClientEvents, in the past tense). What the apps send the server is the
// registry's (protocol/api.ts: ClientToServerEvents, commands `domain:verb` in the present,
// answered through an ack).
import type { CentreConfig } from './config';
import type { ErrorBody } from './errors';
import type { QueueEvent, QueueState, TicketStatus } from './queue';
import type { WaitBasis, WaitRange } from './wait-estimate';

export type Role = 'manager' | 'staff' | 'guide' | 'kiosk' | 'counter-display' | 'central-display' | 'rating-terminal' | 'public';

/** Who is on the other end of a connection, as the server established it. */
export interface Principal {
  role: Role;
  /** Account id for people, device id for devices. */
  id?: string;
  name?: string;
  /** The counter a staff member signed in at, or a device's counter. */
  counterId?: number;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type AckFn<T> = (res: Ack<T>) => void;

export type AlertKind = 'printer' | 'long-wait' | 'device-offline' | 'storage' | 'clock';
export interface Alert {
  id: string;
  kind: AlertKind;
  /** Vietnamese, shown as is to managers. */
  message: string;
  since: number;
}

export type PrinterState = 'ok' | 'paper-out' | 'offline' | 'error';

/** What a kiosk or an integration gets back for an issued ticket. */
export interface IssuedTicket {
  id: string;
  number: number;
  label: string;
  serviceId: string;
  serviceName: string;
  priority: boolean;
  issuedAt: number;
  waitingAhead: number;
  /** The expected wait, a range in minutes; absent when the field cannot be estimated. */
  waitEstimate?: WaitRange;
  counterIds: number[];
  /** The paper ticket went out; false means "show the number large and tell a manager". */
  printed: boolean;
  /** The ticket's own page (QR code) on the centre's network. */
  url: string;
}

/** All a phone may see of one ticket; nothing about any other citizen. */
export interface PublicTicketView {
  centreName: string;
  timeZone: string;
  id: string;
  label: string;
  serviceName: string;
  status: TicketStatus;
  issuedAt: number;
  waitingAhead: number;
  /** While waiting: the expected wait, a range in minutes. */
  waitEstimate?: WaitRange;
  /** The counters that serve the ticket's field (only the one it was sent to, after a transfer to a counter). */
  counters: { id: number; name: string; status: 'closed' | 'open' | 'paused' }[];
  counterId?: number;
  counterName?: string;
  /** Who served the citizen, for the rating question ("… của cán bộ Nguyễn Thị Lan"). */
  staffName?: string;
  canRate: boolean;
  rating?: { score: number; reason?: string };
  ratingLevels: CentreConfig['rating']['levels'];
  ratingReasons: string[];
}

/** What the phone page offers before a citizen takes a number: the fields, their lines and waits, and whether phones may take one now. */
export interface PhoneOffer {
  centreName: string;
  /** Off: the managers' switch, outside the phone hours (`from`–`to`), or a closed day. */
  open: boolean;
  /** Why not, when not open: the same codes a refused take answers with. */
  closedReason?: 'phone-numbers-off' | 'outside-phone-hours' | 'outside-opening-hours';
  from: string;
  to: string;
  perPhonePerDay: number;
  perPhonePerField: number;
  fields: { id: string; name: string; waiting: number; waitEstimate?: WaitRange }[];
  /** The priority categories a phone may claim (the citizen shows their papers at the counter); empty when none. */
  priorityCategories: { id: string; name: string }[];
  /** Present when the centre takes appointments: what the phone page's booking form offers. */
  appointments?: AppointmentOffer;
}

/** The booking form's choices: the days that may be booked and, per field, those of them with slots. */
export interface AppointmentOffer {
  /** Today and the next daysAhead days (YYYY-MM-DD, the centre's local days). */
  days: string[];
  /** Fields that take appointments; `days`: the bookable days the field has slots on (not a holiday or a day without slots). */
  fields: { id: string; name: string; days: string[] }[];
  perPhonePerDay: number;
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
}

export interface StaffEntry {
  id: string;
  name: string;
  photoUrl?: string;
}

/** One counter as its own display and rating terminal see it (room `counter:N`). */
export interface CounterView {
  counterId: number;
  name: string;
  status: 'closed' | 'open' | 'paused';
  pauseReason?: string;
  staff?: StaffEntry;
  current?: {
    ticketId: string; label: string; serviceId: string; serviceName: string; calledAt: number; callCount: number;
    /** The counter that sent the citizen here, and the field they were in there. */
    transferredFrom?: { counterId: number; counterName: string; serviceName: string };
  };
  /** The ticket the citizen is asked to rate now, until expiresAt. */
  ratingPrompt?: { ticketId: string; label: string; serviceName: string; staffName?: string; expiresAt: number };
}

export interface Snapshot {
  serverTime: number;
  /** The live part of today's queue; apply `queue:event`s to it. */
  state: QueueState;
  config: CentreConfig;
  alerts: Alert[];
  printer: PrinterState;
  staff: StaffEntry[];
  you: Principal;
  /** For counter displays and rating terminals, and staff signed in at a counter. */
  counter?: CounterView;
  /** Each field's pace, so a screen can show the wait of a ticket taken now. */
  waits: WaitBasis;
}

export interface ServerToClientEvents {
  'state:snapshot': (snapshot: Snapshot) => void;
  'queue:event': (event: QueueEvent) => void;
  'alerts:changed': (alerts: Alert[], printer: PrinterState) => void;
  'ticket:updated': (ticket: PublicTicketView) => void;
  'counter:updated': (counter: CounterView) => void;
  /** Each field's pace, after the queue moved (room "queue"). */
  'waits:changed': (waits: WaitBasis) => void;
  /** The server is closing this session (signed out, device revoked). */
  /** The token stopped being valid; the server disconnects right after. */
  'session:ended': (reason: 'signed-out' | 'revoked' | 'expired' | 'disabled' | 'password-changed') => void;
}

export interface CallResult {
  ticketId: string;
  label: string;
  serviceId: string;
  counterId: number;
}
