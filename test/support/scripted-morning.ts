// The reports issue's scripted morning, played over HTTP the way officers' consoles and the
// one-stop-shop software would: a field transfer, a counter transfer, an absence called
// again and transferred, services finished with outcomes and dossier codes. Its figures are
// counted by hand in server/reports/crediting.test.ts; here they are checked end to end.
import { expect } from 'vitest';
import { localClock } from '../../server/reports/calendar-days';
import type { TestServer } from './server';

export const MORNING_DAY = '2026-03-16';
export const morningAt = (hhmm: string) => localClock(MORNING_DAY, hhmm, 'Asia/Ho_Chi_Minh');

/** A clock the test moves: the server's time during the morning. */
export function movableClock(start = morningAt('07:00')) {
  let now = start;
  return { now: () => now, set: (hhmm: string) => void (now = morningAt(hhmm)) };
}

/** finishAt6: how counter 6 finishes 2001 at 08:06 ("Tiếp nhận hồ sơ", two dossier codes); over HTTP unless a test does it in the console. */
export async function playMorning(
  server: TestServer,
  clock: ReturnType<typeof movableClock>,
  opts: { tokens?: Record<number, string>; finishAt6?: () => Promise<void> } = {},
): Promise<{ tokens: Record<number, string> }> {
  const admin = await server.login();
  const tokens: Record<number, string> = opts.tokens ?? { 5: await server.login('canbo5'), 6: await server.login('canbo6'), 7: await server.login('canbo7') };
  const ok = async (hhmm: string, method: string, path: string, body: unknown, token: string) => {
    clock.set(hhmm);
    const res = await server.http(method, path, body, token);
    expect(res.status, `${hhmm} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  const at = (counter: number, action: string) => `/api/counters/${counter}/${action}`;
  await ok('07:25', 'POST', at(5, 'sign-in'), undefined, tokens[5]);
  await ok('07:26', 'POST', at(6, 'sign-in'), undefined, tokens[6]);
  await ok('07:27', 'POST', at(7, 'sign-in'), undefined, tokens[7]);
  const a = (await ok('07:30', 'POST', '/api/tickets', { serviceId: 'ho-tich' }, admin)).id as string; // 2001
  const b = (await ok('07:32', 'POST', '/api/tickets', { serviceId: 'ho-tich' }, admin)).id as string; // 2002
  await ok('07:35', 'POST', '/api/tickets', { serviceId: 'chung-thuc', priority: true }, admin); // 1001
  await ok('07:40', 'POST', at(5, 'call-number'), { label: '2001' }, tokens[5]);
  await ok('07:45', 'POST', at(5, 'transfer'), { toServiceId: 'chung-thuc' }, tokens[5]);
  await ok('07:46', 'POST', at(5, 'call-number'), { label: '2002' }, tokens[5]);
  await ok('07:50', 'POST', at(5, 'transfer'), { toCounterId: 7 }, tokens[5]);
  await ok('07:52', 'POST', at(6, 'call-number'), { label: '1001' }, tokens[6]);
  await ok('07:53', 'POST', at(6, 'recall'), {}, tokens[6]);
  await ok('07:54', 'POST', at(6, 'no-show'), { requeue: false }, tokens[6]);
  await ok('08:00', 'POST', at(6, 'call-number'), { label: '2001' }, tokens[6]);
  if (opts.finishAt6) {
    clock.set('08:06');
    await opts.finishAt6();
  } else await ok('08:06', 'POST', at(6, 'finish'), { outcome: 'tiep-nhan', dossierCodes: ['H23.1-0001', 'H23.1-0002'] }, tokens[6]);
  await ok('08:06', 'POST', '/api/ratings', { ticketId: a, score: 3 }, admin);
  await ok('08:07', 'POST', at(6, 'call-number'), { label: '1001' }, tokens[6]);
  await ok('08:09', 'POST', at(6, 'transfer'), { toServiceId: 'ho-tich' }, tokens[6]);
  await ok('08:10', 'POST', at(7, 'call-number'), { label: '2002' }, tokens[7]);
  await ok('08:18', 'POST', at(7, 'finish'), { outcome: 'tra-ket-qua' }, tokens[7]);
  await ok('08:19', 'POST', '/api/ratings', { ticketId: b, score: 1, reason: 'Thời gian chờ lâu' }, admin);
  await ok('08:20', 'POST', at(7, 'next'), {}, tokens[7]);
  await ok('08:25', 'POST', at(7, 'finish'), {}, tokens[7]);
  await ok('08:30', 'POST', at(5, 'pause'), { reason: 'Đi họp' }, tokens[5]);
  await ok('09:00', 'POST', at(5, 'resume'), {}, tokens[5]);
  clock.set('09:10');
  return { tokens };
}

/** What the hand count says each counter did (crediting.test.ts): finished, transfers made, absences. */
export const MORNING_COUNTERS = {
  5: { services: 2, finished: 0, transfers: 2, absences: 0 },
  6: { services: 3, finished: 1, transfers: 1, absences: 1 },
  7: { services: 2, finished: 2, transfers: 0, absences: 0 },
} as const;
