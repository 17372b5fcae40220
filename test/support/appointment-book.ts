// An appointment book open all day every day, so a browser test can book a slot a few minutes
// ahead whatever the day and hour it runs (a run in the day's last hour has fewer slots left).
import type { CentreConfig } from '@protocol/config';
import { localTime } from '@protocol/local-time';
import type { TestServer } from './server';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Every field listed takes `capacity` citizens per slot of `slotMinutes`, 00:00–23:55, seven days a week. */
export async function openAppointmentBook(server: TestServer, opts: { serviceIds: string[]; slotMinutes: number; capacity?: number; checkInEarlyMinutes?: number }): Promise<CentreConfig> {
  const admin = await server.login();
  const current = (await server.http('GET', '/api/config', undefined, admin)).body as CentreConfig;
  const allDay = [{ from: '00:00', to: '23:55', capacity: opts.capacity ?? 2 }];
  const config: CentreConfig = {
    ...current,
    openingHours: { ...current.openingHours, enforce: false, holidays: [], repeatingHolidays: [] },
    appointments: {
      ...current.appointments,
      enabled: true,
      checkInEarlyMinutes: opts.checkInEarlyMinutes ?? 30,
      fields: opts.serviceIds.map((serviceId) => ({ serviceId, slotMinutes: opts.slotMinutes, weekly: Array.from({ length: 7 }, () => allDay) })),
    },
  };
  const res = await server.http('PUT', '/api/config', config, admin);
  if (res.status !== 200) throw new Error(`appointment book: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CentreConfig;
}

/** The first slot of `slotMinutes` that starts at least `minutes` from now, in the centre's time: its day and start. */
export function slotAhead(minutes: number, slotMinutes: number): { day: string; start: string } {
  const at = localTime(Date.now() + minutes * 60_000, TIME_ZONE);
  const [h, m] = at.hhmm.split(':').map(Number);
  const start = Math.ceil((h * 60 + m) / slotMinutes) * slotMinutes;
  if (start >= 24 * 60 - slotMinutes) throw new Error(`no slot of ${slotMinutes} minutes ${minutes} minutes from now today: run this test before the day's last hour`);
  return { day: at.day, start: `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}` };
}

/** "09:55" + 5 → "10:00". */
export function plusMinutes(hhmm: string, minutes: number): string {
  const m = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + minutes;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Books a slot as the one-stop-shop software would (a manager's token); the booking's code. */
export async function bookOverHttp(server: TestServer, booking: { serviceId: string; day: string; start: string; phone: string }): Promise<string> {
  const res = await server.http('POST', '/api/appointments', booking, await server.login());
  if (res.status !== 201) throw new Error(`book ${JSON.stringify(booking)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.code as string;
}
