// Every command a client may send, over a socket or HTTP, in one registry: its name, what it
// takes (a zod schema), what it answers, who may send it and where it lives. The socket
// event map, the HTTP routes, the keypad, the server's authorisation and the apps' typed
// clients are all derived from these entries (see protocol/api.ts), so adding a command is
// adding one entry. Each schema is strict: unknown keys are refused, so a misspelt field is
// an error and not a silent no-op.
import { z } from 'zod';
import { loginSchema, newUserSchema, pairingCodeRequestSchema, pairSchema, passwordChangeSchema, userPatchSchema, type PairedDevice, type PairingCode, type SignedIn, type UserAccount } from './accounts';
import { cityLinkSettingsSchema, type CityLinkState } from './city';
import type { ImportResult } from './catalogue';
import { centreConfigSchema, type CentreConfig } from './config';
import { bookSchema, type BookingView } from './appointments';
import type { CallResult, IssuedTicket, Principal, PublicTicketView } from './events';
import { returns, type Operation } from './operation';
import type { RestoreAnswer, SecondLocationStatus } from './status';
import type { VoiceClipList } from './voice-clips';

const counterId = z.number().int().positive().max(999);
export const ticketIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/);
const serviceId = z.string().min(1).max(40);

const counterRef = z.strictObject({ counterId });
const nothing = z.strictObject({});
export const clipKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/);
const clipRef = z.strictObject({ key: clipKeySchema });
const MEGABYTE = 1024 * 1024;
/** A booking's code as typed; one that cannot be a code answers unknown-booking, like a code nobody holds. */
export const bookingRef = z.strictObject({ code: z.string().min(1).max(40) });
/** A dossier code of the one-stop-shop software ("000.00.12.H23-260315-0001"). */
const dossierCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}._\/-]+$/u, 'mã hồ sơ: chữ, số và . _ / - (dossier code: letters, digits and . _ / -)');

export const commands = {
  'ticket:issue': {
    input: z.strictObject({
      serviceId,
      priority: z.boolean().optional(),
      priorityCategoryId: z.string().min(1).max(40).optional(),
      /** An officer or the hall guide issuing for a citizen: print it at the kiosk's printer (else it is shown to be photographed). */
      print: z.boolean().optional(),
    }),
    result: returns<IssuedTicket>(),
    permission: 'ticket.issue',
    http: { method: 'POST', path: '/tickets', status: 201 },
    socket: true,
  },
  /**
   * A number from a citizen's phone on the centre's Wi-Fi: the field and the phone number the
   * limits count by, and a priority category when the managers allow phones to claim it (ranked
   * exactly as a kiosk's priority ticket). Phones only (a kiosk or an officer issues with
   * ticket:issue, without the phone's limits); on the socket the phone then follows its number
   * like ticket:watch.
   */
  'phone:take': {
    input: z.strictObject({ serviceId, phone: z.string().min(1).max(20), priorityCategoryId: z.string().min(1).max(40).optional() }),
    result: returns<IssuedTicket>(),
    permission: 'ticket.take-by-phone',
    http: { method: 'POST', path: '/phone-numbers', status: 201, hall: true },
    socket: true,
  },
  /** A slot booked from the phone page, by an officer or the hall guide for a caller, or by the one-stop-shop software (a manager's token). */
  'appointment:book': { input: bookSchema, result: returns<BookingView>(), permission: 'appointments.book', http: { method: 'POST', path: '/appointments', status: 201, hall: true } },
  /** Whoever holds the code may cancel, like they may look it up: the code is the citizen's. */
  'appointment:cancel': { input: bookingRef, result: returns<BookingView>(), permission: 'public', http: { method: 'DELETE', path: '/appointments/:code', hall: true } },
  /** Checked in at the kiosk (printed) or on the phone within the booking's window: its one ticket. */
  'appointment:check-in': {
    input: bookingRef,
    result: returns<IssuedTicket>(),
    permission: 'appointments.check-in',
    http: { method: 'POST', path: '/appointments/:code/check-in', status: 201, hall: true },
  },
  'ticket:rate': {
    input: z.strictObject({ ticketId: ticketIdSchema, score: z.number().int().min(1).max(10), reason: z.string().trim().min(1).max(120).optional() }),
    result: returns<PublicTicketView>(),
    permission: 'ticket.rate',
    http: { method: 'POST', path: '/ratings', status: 201, hall: true },
    socket: true,
  },
  /** A staff member starts work at a counter: it opens under their name and their session is bound to it. */
  'counter:sign-in': { input: counterRef, result: returns<Principal>(), permission: 'counter.sign-in', http: { method: 'POST', path: '/counters/:counterId/sign-in' }, socket: true },
  'counter:sign-out': { input: counterRef, result: returns<null>(), permission: 'counter.act', http: { method: 'POST', path: '/counters/:counterId/sign-out' }, socket: true },
  'counter:call-next': { input: counterRef, result: returns<CallResult>(), permission: 'counter.act', http: { method: 'POST', path: '/counters/:counterId/next' }, socket: true },
  'counter:recall': { input: counterRef, result: returns<CallResult>(), permission: 'counter.act', http: { method: 'POST', path: '/counters/:counterId/recall' }, socket: true },
  'counter:call-number': {
    input: z.strictObject({ counterId, label: z.string().min(1).max(12) }),
    result: returns<CallResult>(),
    permission: 'counter.act',
    http: { method: 'POST', path: '/counters/:counterId/call-number' },
    socket: true,
  },
  'counter:no-show': {
    input: z.strictObject({ counterId, requeue: z.boolean().optional() }),
    result: returns<null>(),
    permission: 'counter.act',
    http: { method: 'POST', path: '/counters/:counterId/no-show' },
    socket: true,
  },
  'counter:transfer': {
    input: z
      .strictObject({ counterId, toServiceId: serviceId.optional(), toCounterId: counterId.optional() })
      .refine((t) => t.toServiceId !== undefined || t.toCounterId !== undefined, { message: 'toServiceId or toCounterId is required' }),
    result: returns<null>(),
    permission: 'counter.act',
    http: { method: 'POST', path: '/counters/:counterId/transfer' },
    socket: true,
  },
  /** The visit ends, with its outcome (an id of the centre's outcome list; left out = "chưa phân loại") and the dossiers it opened. */
  'counter:finish': {
    input: z.strictObject({ counterId, outcome: z.string().min(1).max(40).optional(), dossierCodes: z.array(dossierCode).max(10).optional() }),
    result: returns<null>(),
    permission: 'counter.act',
    http: { method: 'POST', path: '/counters/:counterId/finish' },
    socket: true,
  },
  'counter:pause': {
    input: z.strictObject({ counterId, reason: z.string().trim().min(1).max(120) }),
    result: returns<null>(),
    permission: 'counter.act',
    http: { method: 'POST', path: '/counters/:counterId/pause' },
    socket: true,
  },
  'counter:resume': { input: counterRef, result: returns<null>(), permission: 'counter.act', http: { method: 'POST', path: '/counters/:counterId/resume' }, socket: true },

  'auth:login': { input: loginSchema, result: returns<SignedIn>(), permission: 'public', http: { method: 'POST', path: '/auth/login' } },
  /** Ends a staff or manager session; a device's token lasts until a manager revokes it. */
  'auth:logout': { input: nothing, result: returns<null>(), permission: 'public', http: { method: 'POST', path: '/auth/logout' }, beforePasswordChange: true },
  /** The session's own password: at first sign-in, or after a manager reset it. */
  'auth:change-password': { input: passwordChangeSchema, result: returns<{ user: UserAccount }>(), permission: 'public', http: { method: 'POST', path: '/auth/password' }, beforePasswordChange: true },
  'device:issue-pairing-code': { input: pairingCodeRequestSchema, result: returns<PairingCode>(), permission: 'devices.manage', http: { method: 'POST', path: '/devices/pairing-codes', status: 201 } },
  'device:pair': { input: pairSchema, result: returns<PairedDevice>(), permission: 'public', http: { method: 'POST', path: '/devices/pair', status: 201, hall: true } },
  'device:revoke': { input: pairingCodeRequestSchema, result: returns<{ revoked: number }>(), permission: 'devices.manage', http: { method: 'DELETE', path: '/devices/:deviceId/pairing' } },
  'user:create': { input: newUserSchema, result: returns<UserAccount>(), permission: 'users.manage', http: { method: 'POST', path: '/users', status: 201 } },
  'user:update': { input: userPatchSchema, result: returns<UserAccount>(), permission: 'users.manage', http: { method: 'PATCH', path: '/users/:userId', largeJson: true } },
  /** The whole configuration; a wrong one answers invalid-config with the fields that are wrong. */
  'config:save': { input: centreConfigSchema, result: returns<CentreConfig>(), permission: 'config.write', http: { method: 'PUT', path: '/config', largeJson: true }, invalidInput: 'invalid-config' },
  /** The archive streams to a staging folder as it arrives; nothing is replaced unless all of it checks out. */
  'backup:restore': { input: z.object({}), result: returns<RestoreAnswer>(), permission: 'backups.manage', http: { method: 'POST', path: '/backup/restore', fileBody: { maxBytes: 1024 * MEGABYTE, streamed: true } } },
  'backup:copy-to-second-location': { input: nothing, result: returns<SecondLocationStatus>(), permission: 'backups.manage', http: { method: 'POST', path: '/backup/second-location/copy' } },
  'city-link:save': { input: cityLinkSettingsSchema, result: returns<CityLinkState>(), permission: 'config.write', http: { method: 'PUT', path: '/city-link' } },
  /** A recording of one clip of the centre's voice, kept as a draft until a manager keeps it. */
  'voice:save-draft': { input: clipRef, result: returns<{ seconds: number }>(), permission: 'config.write', http: { method: 'POST', path: '/voice/clips/:key/draft', fileBody: { maxBytes: 4 * MEGABYTE } } },
  'voice:discard-draft': { input: clipRef, result: returns<VoiceClipList>(), permission: 'config.write', http: { method: 'DELETE', path: '/voice/clips/:key/draft' } },
  'voice:keep-draft': { input: clipRef, result: returns<VoiceClipList>(), permission: 'config.write', http: { method: 'POST', path: '/voice/clips/:key/keep' } },
  /** Back to the engine's voice for this clip. */
  'voice:revert': { input: clipRef, result: returns<VoiceClipList>(), permission: 'config.write', http: { method: 'DELETE', path: '/voice/clips/:key' } },
  'catalogue:import': {
    input: z.object({ filename: z.string().default('upload.csv').transform((name) => name.slice(0, 200)) }),
    result: returns<ImportResult>(),
    permission: 'catalogue.manage',
    http: { method: 'POST', path: '/procedures/import', fileBody: { maxBytes: 10 * MEGABYTE }, notOkStatus: 422 },
  },
} as const satisfies Record<string, Operation>;
