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
  /** Simultaneous socket connections the server accepts before refusing new ones. */
  maxConnections: z.coerce.number().int().positive(),
  keypadPort: z.string().optional(),
  ledPort: z.string().optional(),
  serialBaud: z.coerce.number().int().positive(),
});

export type Settings = z.infer<typeof settingsSchema>;

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const dataDir = resolve(env.QMS_DATA_DIR ?? './data');
  return settingsSchema.parse({
    port: env.PORT ?? 3000,
    host: env.QMS_HOST ?? '0.0.0.0',
    dataDir,
    printer: env.QMS_PRINTER ?? `file:${resolve(dataDir, 'prints')}`,
    adminPassword: env.QMS_ADMIN_PASSWORD || undefined,
    publicUrl: env.QMS_PUBLIC_URL || undefined,
    logLevel: env.QMS_LOG_LEVEL ?? 'info',
    sessionHours: env.QMS_SESSION_HOURS ?? 12,
    maxConnections: env.QMS_MAX_CONNECTIONS ?? 500,
    keypadPort: env.QMS_KEYPAD_PORT || undefined,
    ledPort: env.QMS_LED_PORT || undefined,
    serialBaud: env.QMS_SERIAL_BAUD ?? 9600,
  });
}

/** The settings as they may be logged: secrets masked. */
export function describeSettings(s: Settings): Record<string, unknown> {
  return { ...s, adminPassword: s.adminPassword ? '***' : undefined };
}
