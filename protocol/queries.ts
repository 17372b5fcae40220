// Everything a client may read, in one registry like the commands (protocol/commands.ts):
// the queue's snapshot and a ticket's page, the configuration, the reports, the accounts,
// devices, catalogue, audit and backups. A GET's input is its path segments and the query
// parameters it declares (others are ignored); values arrive as text, so the schemas read
// numbers from text where a query carries one.
import { z } from 'zod';
import type { DeviceStatus, UserAccount } from './accounts';
import type { BookingView, SlotView } from './appointments';
import type { CatalogueInfo, Procedure } from './catalogue';
import type { CityLinkState } from './city';
import { bookingRef, clipKeySchema, ticketIdSchema } from './commands';
import type { CentreConfig } from './config';
import type { PhoneOffer, Principal, PublicTicketView, Snapshot } from './events';
import { fileDownload, returns, type Operation } from './operation';
import type { CounterToday, Period, Report, TodayReport } from './reports';
import type { AuditEntry, BackupInfo, Health, PublicState, SecondLocationStatus } from './status';
import type { VoiceClipList } from './voice-clips';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');
const range = z.object({ from: isoDay, to: isoDay });
const nothing = z.object({});
const clipAudio = z.object({ key: clipKeySchema, draft: z.literal('1').optional().catch(undefined) });

/** A count from the query string, kept within [min, max]; absent or unreadable is the fallback. */
const countBetween = (min: number, max: number, fallback: number) =>
  z
    .custom<number | string>()
    .optional()
    .transform((v) => Math.min(max, Math.max(min, Math.trunc(Number(v)) || fallback)));

export const queries = {
  /** The full snapshot a device replaces its state with (sent unasked on every connect, too). */
  'state:request': { input: z.strictObject({}), result: returns<Snapshot>(), permission: 'state.read', socket: true },
  /** One ticket as its phone page sees it; on the socket the phone then hears of its changes. */
  'ticket:watch': { input: z.strictObject({ ticketId: ticketIdSchema }), result: returns<PublicTicketView>(), permission: 'public', http: { method: 'GET', path: '/tickets/:ticketId', hall: true }, socket: true },
  /** What a phone on the centre's Wi-Fi may take now: the fields, their waits, the phone hours and limits. */
  'phone:offer': { input: z.strictObject({}), result: returns<PhoneOffer>(), permission: 'public', http: { method: 'GET', path: '/phone-numbers', hall: true }, socket: true },
  /** The days that may be booked and the field's slots that day, with the places still free. */
  'appointments:slots': {
    input: z.object({ serviceId: z.string().min(1).max(40), day: isoDay }),
    result: returns<{ days: string[]; slots: SlotView[] }>(),
    permission: 'public',
    http: { method: 'GET', path: '/appointments/slots', hall: true },
  },
  /** A booking by its code, as the citizen's phone page and its QR code show it (the phone number masked). */
  'appointment:look-up': { input: bookingRef, result: returns<BookingView>(), permission: 'public', http: { method: 'GET', path: '/appointments/:code', hall: true } },
  /** Managers: every booking of a day (today if none is given), by slot, with its state; phone numbers masked as on the phone page. */
  'appointments:day': {
    input: z.object({ day: isoDay.optional().catch(undefined) }),
    result: returns<BookingView[]>(),
    permission: 'reports.read',
    http: { method: 'GET', path: '/appointments/day' },
  },
  'health:read': { input: nothing, result: returns<Health>(), permission: 'public', http: { method: 'GET', path: '/health', hall: true } },
  'session:read': { input: nothing, result: returns<Principal>(), permission: 'public', http: { method: 'GET', path: '/auth/me', hall: true } },
  'state:read': { input: nothing, result: returns<PublicState>(), permission: 'state.read', http: { method: 'GET', path: '/state', hall: true } },
  'config:read': { input: nothing, result: returns<CentreConfig>(), permission: 'config.read', http: { method: 'GET', path: '/config', hall: true } },
  'users:list': { input: nothing, result: returns<UserAccount[]>(), permission: 'users.manage', http: { method: 'GET', path: '/users' } },
  'devices:list': { input: nothing, result: returns<DeviceStatus[]>(), permission: 'devices.manage', http: { method: 'GET', path: '/devices' } },
  'reports:today': { input: nothing, result: returns<TodayReport>(), permission: 'reports.read', http: { method: 'GET', path: '/reports/today' } },
  /** The periods (15th-to-14th rule and calendar) containing that day, today if none is given. */
  'reports:presets': { input: z.object({ date: isoDay.optional().catch(undefined) }), result: returns<Period[]>(), permission: 'reports.read', http: { method: 'GET', path: '/reports/presets' } },
  'reports:period': { input: range, result: returns<Report>(), permission: 'reports.read', http: { method: 'GET', path: '/reports' } },
  'reports:xlsx': { input: range, result: fileDownload, permission: 'reports.read', http: { method: 'GET', path: '/reports/export.xlsx' } },
  /** The official report of the period as a Word document. */
  'reports:docx': { input: range, result: fileDownload, permission: 'reports.read', http: { method: 'GET', path: '/reports/export.docx' } },
  /** A console's own figures today: its counter and the officer signed in there. */
  'reports:counter-today': { input: z.object({ counterId: z.number().int().positive().max(999) }), result: returns<CounterToday>(), permission: 'counter.figures', http: { method: 'GET', path: '/counters/:counterId/today' } },
  'reports:csv': { input: range.extend({ breakdown: z.string().max(40).default('field') }), result: fileDownload, permission: 'reports.read', http: { method: 'GET', path: '/reports/export.csv' } },
  'procedures:search': {
    input: z.object({ q: z.string().optional().catch(undefined).transform((q) => (q ?? '').slice(0, 200)), serviceId: z.string().max(40).optional().catch(undefined), limit: countBetween(1, 200, 50) }),
    result: returns<Procedure[]>(),
    permission: 'public',
    http: { method: 'GET', path: '/procedures', hall: true },
  },
  'procedures:info': { input: nothing, result: returns<CatalogueInfo>(), permission: 'catalogue.manage', http: { method: 'GET', path: '/procedures/info' } },
  'procedures:get': { input: z.object({ code: z.string().min(1).max(100) }), result: returns<Procedure>(), permission: 'public', http: { method: 'GET', path: '/procedures/:code', hall: true } },
  'audit:latest': { input: z.object({ limit: countBetween(1, 1000, 200) }), result: returns<AuditEntry[]>(), permission: 'audit.read', http: { method: 'GET', path: '/audit' } },
  'backups:list': { input: nothing, result: returns<BackupInfo[]>(), permission: 'backups.manage', http: { method: 'GET', path: '/backup/list' } },
  /** A new archive of the whole data folder, made for this download. */
  'backups:download': { input: nothing, result: fileDownload, permission: 'backups.manage', http: { method: 'GET', path: '/backup' } },
  'backups:file': { input: z.object({ name: z.string().min(1).max(200) }), result: fileDownload, permission: 'backups.manage', http: { method: 'GET', path: '/backup/files/:name' } },
  'backups:second-location': { input: nothing, result: returns<SecondLocationStatus>(), permission: 'backups.manage', http: { method: 'GET', path: '/backup/second-location' } },
  'city-link:read': { input: nothing, result: returns<CityLinkState>(), permission: 'config.write', http: { method: 'GET', path: '/city-link' } },
  /** Every clip of the centre's own voice: what it says, recorded or not, in use or not. */
  'voice:clips': { input: nothing, result: returns<VoiceClipList>(), permission: 'config.write', http: { method: 'GET', path: '/voice/clips' } },
  /** One clip as it sounds now, or its draft (draft=1). */
  'voice:clip-audio': { input: clipAudio, result: fileDownload, permission: 'config.write', http: { method: 'GET', path: '/voice/clips/:key/audio.wav' } },
  /** A sample call that says the clip, with its draft (draft=1) or as it is. */
  'voice:clip-sample': { input: clipAudio, result: fileDownload, permission: 'config.write', http: { method: 'GET', path: '/voice/clips/:key/sample.wav' } },
  /** The chime before every call. Public, like the call itself. */
  'voice:chime': { input: nothing, result: fileDownload, permission: 'public', http: { method: 'GET', path: '/voice/chime.wav', hall: true } },
  /** The spoken call as one WAV. Public like the numbers on the screens: an <audio> element cannot send a token. */
  'voice:call': {
    input: z.object({ label: z.string().regex(/^[A-Z]{0,3}\d{1,6}$/), counter: z.coerce.number().int().min(1).max(999) }),
    result: fileDownload,
    permission: 'public',
    http: { method: 'GET', path: '/voice/call.wav', hall: true },
  },
} as const satisfies Record<string, Operation>;
