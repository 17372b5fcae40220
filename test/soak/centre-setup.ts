// The soak's centre: the sample centre with every daily cap lifted, a kiosk allowed to
// issue as fast as a busy morning needs, and a short rating prompt; then the people and
// devices a manager would set up: ten staff accounts and the 23 paired devices.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CentreConfig } from '@protocol/config';
import { sampleCentre } from '@protocol/sample-centre';
import { sampleStaff, SAMPLE_STAFF_PASSWORD } from '../../server/centre/sample-staff';
import { httpOk } from './http';

export const STAFFED_COUNTERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
export const RATING_PROMPT_SECONDS = 5;

/**
 * A zone where it is about noon now. A soak run near the centre's midnight would roll the
 * day over mid-run and start new numbering; the zone only moves that boundary away.
 */
export function noonTimeZone(now: number): string {
  const offset = 12 - new Date(now).getUTCHours();
  if (offset === 0) return 'Etc/GMT';
  // IANA's Etc zones have the sign the other way round: Etc/GMT-7 is UTC+7.
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

export function soakCentre(now: number): CentreConfig {
  const config = structuredClone(sampleCentre);
  config.centre.timeZone = noonTimeZone(now);
  config.openingHours.enforce = false;
  for (const s of config.services) s.dailyCap = null;
  config.kiosk.ticketsPerMinute = 600;
  config.rating.promptSeconds = RATING_PROMPT_SECONDS;
  return config;
}

/** Written before the first start, so the day opens in the soak's zone. */
export async function writeCentreConfig(dataDir: string, config: CentreConfig): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'config.json'), JSON.stringify(config, null, 2));
}

export interface Enrolment {
  adminToken: string;
  /** Staff session per counter (canbo1…canbo9 and the tenth account created here). */
  staffTokens: Map<number, string>;
  deviceTokens: Map<string, string>;
}

const TENTH_STAFF = { username: 'canbo10', name: 'Ngô Thanh Tùng', role: 'staff', password: 'soak-canbo10-pw' } as const;

export async function enrol(url: string, adminPassword: string, config: CentreConfig): Promise<Enrolment> {
  const { token: adminToken } = await httpOk(url, 'POST', '/api/auth/login', { username: 'admin', password: adminPassword });
  await httpOk(url, 'POST', '/api/users', TENTH_STAFF, adminToken);
  const accounts = [...sampleStaff.map((s) => ({ username: s.username, password: SAMPLE_STAFF_PASSWORD })), TENTH_STAFF];
  const staffTokens = new Map<number, string>();
  for (const [i, counterId] of STAFFED_COUNTERS.entries()) {
    const { token, mustChangePassword } = await httpOk(url, 'POST', '/api/auth/login', { username: accounts[i].username, password: accounts[i].password });
    // A default or manager-set password is replaced at the first sign-in, as each officer would.
    if (mustChangePassword) await httpOk(url, 'POST', '/api/auth/password', { currentPassword: accounts[i].password, newPassword: `${accounts[i].username}-soak-pw` }, token);
    staffTokens.set(counterId, token);
  }
  const deviceTokens = new Map<string, string>();
  for (const device of config.devices) {
    // The way a manager pairs a device across the room: a six-digit code typed on it.
    const { code } = await httpOk(url, 'POST', '/api/devices/pairing-codes', { deviceId: device.id }, adminToken);
    const { token } = await httpOk(url, 'POST', '/api/devices/pair', { code });
    deviceTokens.set(device.id, token);
  }
  return { adminToken, staffTokens, deviceTokens };
}
