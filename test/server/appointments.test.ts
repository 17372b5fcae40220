// Appointments through the real server: booking a slot under concurrency (never over its
// capacity, one booking a phone a day), durable before the answer, check-in making one ticket
// that goes first in its field, cancelling freeing the place.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localTime } from '@protocol/local-time';
import { openAppointmentBook, slotAhead } from '../support/appointment-book';
import { uploadToRestore } from '../support/archives';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let admin: string;
let slotStart: string;
let today: string;

beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
  await openAppointmentBook(server, { serviceIds: ['ho-tich'], slotMinutes: 5, capacity: 2, checkInEarlyMinutes: 60 });
  // The next five-minute slot of today.
  ({ day: today, start: slotStart } = slotAhead(5, 5));
});
afterEach(async () => {
  await server.close();
});

const bookFor = (phone: string, start = slotStart, token?: string) => server.http('POST', '/api/appointments', { serviceId: 'ho-tich', day: today, start, phone }, token);

describe('appointments', () => {
  it('never books a slot past its capacity nor a phone twice a day, however many ask at once, and writes each before answering', async () => {
    const phones = Array.from({ length: 12 }, (_, i) => `09${String(12345670 + i).padStart(8, '0')}`);
    const answers = await Promise.all(phones.map((p) => bookFor(p)));
    const booked = answers.filter((a) => a.status === 201);
    expect(booked).toHaveLength(2);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.body.code === 'slot-full')).toBe(true);
    const onDisk = JSON.parse(await readFile(join(server.dataDir, 'bookings.json'), 'utf8'));
    expect(onDisk.bookings.map((b: { code: string }) => b.code).sort()).toEqual(booked.map((b) => b.body.code).sort());
    // One phone, the next slot, three times at once: one booking, then the limit per phone a day.
    const [h, m] = slotStart.split(':').map(Number);
    const next = `${String(Math.floor((h * 60 + m + 5) / 60)).padStart(2, '0')}:${String((m + 5) % 60).padStart(2, '0')}`;
    const again = await Promise.all([0, 1, 2].map(() => bookFor('0900000001', next)));
    expect(again.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(again.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(['booking-limit', 'booking-limit']);
    expect(booked[0].body.phoneMasked).toMatch(/^09•• ••• \d{3}$/);
  });

  it('checks in once from the phone: one ticket, first in its field once the slot begins, kept across a restart', async () => {
    const booking = await bookFor('0912345678', slotStart, admin);
    expect(booking).toMatchObject({ status: 201, body: { state: 'booked', serviceName: 'Hộ tịch' } });
    const walkIn = await server.http('POST', '/api/tickets', { serviceId: 'ho-tich' }, admin);
    const [first, second] = await Promise.all([
      server.http('POST', `/api/appointments/${booking.body.code}/check-in`),
      server.http('POST', `/api/appointments/${booking.body.code.toLowerCase()}/check-in`),
    ]);
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const ticket = server.app.ctx.queue.state.tickets[first.body.id];
    expect(ticket).toMatchObject({ source: 'phone', serviceId: 'ho-tich', appointment: { bookingId: expect.any(String) } });
    expect(Object.values(server.app.ctx.queue.state.tickets).filter((t) => t.appointment)).toHaveLength(1);
    expect((await server.http('GET', `/api/appointments/${booking.body.code}`)).body).toMatchObject({ state: 'checked-in', ticketId: first.body.id });
    expect(walkIn.status).toBe(201);

    const dataDir = server.dataDir;
    await server.close({ keepData: true });
    server = await startTestServer({ dataDir });
    expect((await server.http('GET', `/api/appointments/${booking.body.code}`)).body).toMatchObject({ state: 'checked-in', ticketId: first.body.id });
  });

  it('frees the place when cancelled, and refuses unknown codes and closed books in Vietnamese', async () => {
    const a = await bookFor('0911111111');
    const b = await bookFor('0922222222');
    expect((await bookFor('0933333333')).body.code).toBe('slot-full');
    expect((await server.http('DELETE', `/api/appointments/${a.body.code}`)).body).toMatchObject({ state: 'cancelled' });
    expect((await bookFor('0933333333')).status).toBe(201);
    expect(b.status).toBe(201);
    const slots = await server.http('GET', `/api/appointments/slots?serviceId=ho-tich&day=${today}`);
    expect(slots.body.slots.find((s: { start: string }) => s.start === slotStart)).toMatchObject({ capacity: 2, free: 0 });
    // A slot that has begun cannot be booked, so it is not offered.
    const clockNow = localTime(Date.now(), 'Asia/Ho_Chi_Minh').hhmm;
    expect(slots.body.slots.every((s: { start: string }) => s.start > clockNow)).toBe(true);
    // The booking says the centre's zone and the server's time, which the phone counts down by.
    expect((await server.http('GET', `/api/appointments/${b.body.code}`)).body).toMatchObject({ timeZone: 'Asia/Ho_Chi_Minh', serverTime: expect.any(Number) });
    const unknown = await server.http('GET', '/api/appointments/ZZZZZZ');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'unknown-booking', messageVi: 'Không tìm thấy lịch hẹn với mã này.' } });
    expect((await server.http('POST', `/api/appointments/${a.body.code}/check-in`)).body.code).toBe('booking-cancelled');
  });

  it('lists a day\'s bookings for managers by slot, with their state, and only for managers', async () => {
    const [h, m] = slotStart.split(':').map(Number);
    const later = `${String(Math.floor((h * 60 + m + 5) / 60)).padStart(2, '0')}:${String((m + 5) % 60).padStart(2, '0')}`;
    const second = await bookFor('0911111111', later);
    const first = await bookFor('0922222222');
    expect((await server.http('DELETE', `/api/appointments/${second.body.code}`)).status).toBe(200);
    const list = await server.http('GET', '/api/appointments/day', undefined, admin);
    expect(list.status).toBe(200);
    expect(list.body.map((b: { code: string; start: string; state: string }) => [b.code, b.start, b.state])).toEqual([
      [first.body.code, slotStart, 'booked'],
      [second.body.code, later, 'cancelled'],
    ]);
    expect(list.body[0].phoneMasked).toBe('09•• ••• 222');
    expect((await server.http('GET', `/api/appointments/day?day=${today}`, undefined, admin)).body).toHaveLength(2);
    expect((await server.http('GET', '/api/appointments/day', undefined, await server.login('canbo5'))).status).toBe(403);
    expect((await server.http('GET', '/api/appointments/day')).status).toBe(401);
  });

  it('keeps the book in a backup: a restore brings back a booking made before it and drops one made after', async () => {
    const kept = await bookFor('0912000001');
    expect(kept.status).toBe(201);
    const res = await fetch(`${server.url}/api/backup`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const archive = Buffer.from(await res.arrayBuffer());
    const later = await bookFor('0912000002');
    expect(later.status).toBe(201);
    expect((await server.http('DELETE', `/api/appointments/${kept.body.code}`)).status).toBe(200);

    expect(await uploadToRestore(server.url, { token: admin, archive })).toMatchObject({ status: 200, body: { ok: true } });
    expect((await server.http('GET', `/api/appointments/${kept.body.code}`)).body).toMatchObject({ code: kept.body.code, state: 'booked' });
    expect((await server.http('GET', `/api/appointments/${later.body.code}`)).status).toBe(404);
  });
});
