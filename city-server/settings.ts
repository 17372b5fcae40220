// The city server's settings, from the environment, checked once at start.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const settingsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'QMS_CITY_DATABASE_URL phải là postgres://… / must be a postgres:// URL'),
  adminPassword: z.string().min(8).optional(),
  cityName: z.string().min(1).max(120),
  sessionHours: z.coerce.number().positive().max(24 * 30),
  /** PEM certificate chain and key the city answers HTTPS with. */
  tls: z.object({ cert: z.string(), key: z.string() }).optional(),
  /** Plain HTTP, for a test on one LAN only. */
  allowHttp: z.boolean(),
  /** Days kept in memory for reports (older ones are read from PostgreSQL). */
  cacheDays: z.coerce.number().int().min(1).max(3660),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
});

export type CitySettings = z.infer<typeof settingsSchema>;

export class CitySettingsError extends Error {}

export function loadCitySettings(env: NodeJS.ProcessEnv = process.env): CitySettings {
  if (!env.QMS_CITY_DATABASE_URL) throw new CitySettingsError('Cần QMS_CITY_DATABASE_URL=postgres://người-dùng@máy/cơ-sở-dữ-liệu / QMS_CITY_DATABASE_URL is required');
  const certFile = env.QMS_CITY_TLS_CERT;
  const keyFile = env.QMS_CITY_TLS_KEY;
  if (!!certFile !== !!keyFile) throw new CitySettingsError('Cần cả QMS_CITY_TLS_CERT và QMS_CITY_TLS_KEY / set both QMS_CITY_TLS_CERT and QMS_CITY_TLS_KEY');
  const allowHttp = env.QMS_CITY_ALLOW_HTTP === '1';
  if (!certFile && !allowHttp)
    throw new CitySettingsError(
      'Máy chủ thành phố chỉ nhận HTTPS: đặt QMS_CITY_TLS_CERT và QMS_CITY_TLS_KEY (hoặc QMS_CITY_ALLOW_HTTP=1 khi thử trong mạng LAN) / the city serves HTTPS only: set QMS_CITY_TLS_CERT and QMS_CITY_TLS_KEY, or QMS_CITY_ALLOW_HTTP=1 for a LAN test',
    );
  return settingsSchema.parse({
    port: env.PORT ?? 3100,
    host: env.QMS_HOST ?? '0.0.0.0',
    databaseUrl: env.QMS_CITY_DATABASE_URL,
    adminPassword: env.QMS_ADMIN_PASSWORD || undefined,
    cityName: env.QMS_CITY_NAME || 'Trung tâm Phục vụ hành chính công thành phố',
    sessionHours: env.QMS_SESSION_HOURS ?? 12,
    tls: certFile && keyFile ? { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') } : undefined,
    allowHttp,
    cacheDays: env.QMS_CITY_CACHE_DAYS ?? 400,
    logLevel: env.QMS_LOG_LEVEL ?? 'info',
  });
}

/** The settings as they may be logged: secrets masked. */
export function describeCitySettings(s: CitySettings): Record<string, unknown> {
  return { ...s, databaseUrl: s.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'), adminPassword: s.adminPassword ? '***' : undefined, tls: s.tls ? 'yes' : 'no' };
}
