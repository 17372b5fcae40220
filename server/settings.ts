// The server's own settings from its environment (not the centre's configuration in
// protocol/config.ts, which managers edit live): defaults, then QMS_* environment
// variables, validated once at start-up.
import { resolve } from 'node:path';
import { z } from 'zod';

const settingsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  /** tcp://host:9100, serial:/dev/ttyUSB0?baud=115200, usb, file:./data/prints */
  printer: z.string().min(1),
  adminPassword: z.string().min(8).optional(),
  /** Address printed in the ticket's QR code; defaults to this machine's LAN address. */
  publicUrl: z.string().url().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Hours a staff or manager sign-in lasts; devices never expire (a display must not go dark overnight). */
  sessionHours: z.coerce.number().positive().max(24 * 30),
  /** Phones' (anonymous) sockets open at once; the centre's devices and staff are always admitted. */
  maxConnections: z.coerce.number().int().positive(),
  /** Phones' sockets open at once from one address (a citizens' Wi-Fi behind one router shares one). */
  phoneSocketsPerAddress: z.coerce.number().int().positive(),
  /** Multiplies every socket's commands-per-second budget (a centre with a fast integration raises it). */
  socketRateScale: z.coerce.number().positive().max(1000),
  /** host:port of the citizens' network (ticket page, phones, the hall's devices); with staffListen, two listeners. */
  publicListen: z.string().regex(/^(\[[^\]]+\]|[^:]+):\d{1,5}$/, 'host:port').optional(),
  /** host:port of the staff network: everything. */
  staffListen: z.string().regex(/^(\[[^\]]+\]|[^:]+):\d{1,5}$/, 'host:port').optional(),
  /** PEM files: HTTPS on every listener, plain HTTP redirected to it. */
  tlsCert: z.string().optional(),
  tlsKey: z.string().optional(),
  keypadPort: z.string().optional(),
  ledPort: z.string().optional(),
  serialBaud: z.coerce.number().int().positive(),
  /** A machine on the LAN that answers SNTP (the router, a domain controller): `npm run doctor` compares the clock with it. */
  timeSource: z.string().min(1).optional(),
  /** The city server this centre sends its figures to, and the credential the city issued (the managers' app may set both instead). */
  cityUrl: z.string().optional(),
  cityToken: z.string().optional(),
  /** PEM file of the city's certificate, when it is not signed by a public authority. */
  cityCa: z.string().optional(),
  /** Plain HTTP to the city, for a test on one LAN only. */
  cityAllowHttp: z.boolean(),
  /** Seconds between the link's rounds: the live figure, then any closed days not yet confirmed. */
  cityRoundSeconds: z.coerce.number().min(0.5).max(10),
  /** Closed days per request to the city. */
  cityBatchDays: z.coerce.number().int().min(1).max(31),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Both listeners or neither; both TLS files or neither: half a setting is refused at start. */
const checkedSettingsSchema = settingsSchema
  .refine((s) => (s.publicListen === undefined) === (s.staffListen === undefined), { message: 'QMS_PUBLIC_LISTEN and QMS_STAFF_LISTEN go together', path: ['publicListen'] })
  .refine((s) => (s.tlsCert === undefined) === (s.tlsKey === undefined), { message: 'QMS_TLS_CERT and QMS_TLS_KEY go together', path: ['tlsCert'] });

export function splitHostPort(hostPort: string): { host: string; port: number } {
  const at = hostPort.lastIndexOf(':');
  return { host: hostPort.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(hostPort.slice(at + 1)) };
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const dataDir = resolve(env.QMS_DATA_DIR ?? './data');
  return checkedSettingsSchema.parse({
    port: env.PORT ?? 3000,
    host: env.QMS_HOST ?? '0.0.0.0',
    dataDir,
    printer: env.QMS_PRINTER ?? `file:${resolve(dataDir, 'prints')}`,
    adminPassword: env.QMS_ADMIN_PASSWORD || undefined,
    publicUrl: env.QMS_PUBLIC_URL || undefined,
    logLevel: env.QMS_LOG_LEVEL ?? 'info',
    sessionHours: env.QMS_SESSION_HOURS ?? 12,
    maxConnections: env.QMS_MAX_CONNECTIONS ?? 500,
    phoneSocketsPerAddress: env.QMS_PHONE_SOCKETS_PER_ADDRESS ?? 50,
    socketRateScale: env.QMS_SOCKET_RATE_SCALE ?? 1,
    publicListen: env.QMS_PUBLIC_LISTEN || undefined,
    staffListen: env.QMS_STAFF_LISTEN || undefined,
    tlsCert: env.QMS_TLS_CERT || undefined,
    tlsKey: env.QMS_TLS_KEY || undefined,
    keypadPort: env.QMS_KEYPAD_PORT || undefined,
    ledPort: env.QMS_LED_PORT || undefined,
    serialBaud: env.QMS_SERIAL_BAUD ?? 9600,
    timeSource: env.QMS_TIME_SOURCE || undefined,
    cityUrl: env.QMS_CITY_URL || undefined,
    cityToken: env.QMS_CITY_TOKEN || undefined,
    cityCa: env.QMS_CITY_CA || undefined,
    cityAllowHttp: env.QMS_CITY_ALLOW_HTTP === '1',
    cityRoundSeconds: env.QMS_CITY_ROUND_SECONDS ?? 5,
    cityBatchDays: env.QMS_CITY_BATCH_DAYS ?? 31,
  });
}

/** The settings as they may be logged: secrets masked. */
export function describeSettings(s: Settings): Record<string, unknown> {
  return { ...s, adminPassword: s.adminPassword ? '***' : undefined, cityToken: s.cityToken ? '***' : undefined };
}
