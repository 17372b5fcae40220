// The configuration is checked whole before it is saved: a time zone Intl does not know, shifts
// that overlap, number blocks that overlap, references to fields, counters and devices that do
// not exist, and what today's queue still needs. Before, PUT /api/config accepted
// "Mars/Olympus_Mons"; every queue action then answered 500 and the next start exited with a RangeError.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let admin: string;
beforeEach(async () => {
  server = await startTestServer({ deps: { prepareVoiceOnChange: false } });
  admin = await server.login();
});
afterEach(async () => {
  await server.close();
});

async function configWith(mutate: (c: any) => void) {
  const config = (await server.http('GET', '/api/config', undefined, admin)).body;
  mutate(config);
  return server.http('PUT', '/api/config', config, admin);
}

describe('PUT /api/config', () => {
  it('refuses a time zone that does not exist, and the queue and the next start carry on', async () => {
    const res = await configWith((c) => (c.centre.timeZone = 'Mars/Olympus_Mons'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid-config', messageVi: 'Cấu hình không hợp lệ.', details: [{ path: 'centre.timeZone', message: 'unknown time zone' }] });
    expect((await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin)).status).toBe(201);
    expect((await server.http('GET', '/api/config', undefined, admin)).body.centre.timeZone).toBe('Asia/Ho_Chi_Minh');

    const dataDir = server.dataDir;
    await server.close({ keepData: true });
    server = await startTestServer({ dataDir, deps: { prepareVoiceOnChange: false } });
    admin = await server.login();
    expect((await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin)).body.label).toBe('2002');
  });

  it('accepts a zone by its alias and its canonical name', async () => {
    expect((await configWith((c) => (c.centre.timeZone = 'Asia/Saigon'))).status).toBe(200);
    expect((await configWith((c) => (c.centre.timeZone = 'Asia/Ho_Chi_Minh'))).status).toBe(200);
  });

  it.each([
    ['two shifts of one day that overlap', (c: any) => (c.openingHours.weekly[1] = [['07:30', '11:30'], ['11:00', '17:00']]), 'openingHours.weekly.1.1', 'opening intervals overlap'],
    ['a holiday that is not in the calendar', (c: any) => (c.openingHours.holidays = ['2026-02-30']), 'openingHours.holidays.0', 'date: no such day'],
    ['hours enforced on no day', (c: any) => ((c.openingHours.enforce = true), (c.openingHours.weekly = [[], [], [], [], [], [], []])), 'openingHours.weekly', 'opening hours enforced but no day has any'],
    ['number blocks that overlap', (c: any) => (c.services[1].numberStart = 1999), 'services', 'number blocks of chung-thuc and ho-tich overlap'],
    ['a prefix that prints like another block', (c: any) => (c.services[9].prefix = '1'), 'services.9.prefix', 'prefix: no digits'],
    ['a counter serving a field that does not exist', (c: any) => (c.counters[4].serviceIds = ['ho-tich', 'khong-co']), 'counters.4.serviceIds', 'unknown field khong-co'],
    ['a counter display at a counter that does not exist', (c: any) => (c.devices.find((d: any) => d.id === 'counter-display-3').counterId = 40), 'devices.4.counterId', 'counter-display-3 needs an existing counter'],
    ['calls played on a device that is not a central display', (c: any) => (c.voice.playOnDeviceIds = ['counter-display-1']), 'voice.playOnDeviceIds.0', 'counter-display-1 is not a central display'],
    ['a rating level that asks for a reason with no reasons', (c: any) => (c.rating.reasons = []), 'rating.reasons', 'a level asks for a reason but there are no reasons'],
    ['a second backup location that is not a full path', (c: any) => (c.backup.secondLocation = 'media/usb'), 'backup.secondLocation', 'second location: an absolute path'],
  ])('refuses %s, naming the field, and changes nothing', async (_name, mutate, path, message) => {
    const before = (await server.http('GET', '/api/config', undefined, admin)).body;
    const res = await configWith(mutate);
    expect(res.status).toBe(400);
    expect(res.body.details).toContainEqual({ path, message });
    expect((await server.http('GET', '/api/config', undefined, admin)).body).toEqual(before);
  });

  it('refuses a second backup location inside the data folder', async () => {
    const res = await configWith((c) => (c.backup.secondLocation = `${server.dataDir}/usb`));
    expect(res.body.details).toEqual([{ path: 'backup.secondLocation', message: 'second location is inside the data folder' }]);
  });

  it('refuses to remove a field that still has tickets today, or a counter that is open', async () => {
    await server.http('POST', '/api/tickets', { serviceId: 'quan-su' }, admin);
    const staff = await server.login('canbo1');
    await server.http('POST', '/api/counters/11/sign-in', undefined, staff);
    const res = await configWith((c) => {
      c.services = c.services.filter((s: any) => s.id !== 'quan-su');
      c.counters = c.counters.filter((k: any) => k.id !== 11 && k.id !== 12);
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { path: 'services', message: 'field quan-su still has 1 tickets today' },
      { path: 'counters', message: 'counter 11 is open' },
    ]);
    // Made inactive instead, the field stops issuing and its tickets are still served.
    expect((await configWith((c) => (c.services.find((s: any) => s.id === 'quan-su').active = false))).status).toBe(200);
  });
});
