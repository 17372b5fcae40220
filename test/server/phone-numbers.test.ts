// Numbers from the phone through the real server: ranked like kiosk numbers, the limits per
// phone under concurrency, the managers' switch, and no phone number on disk.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CentreConfig } from '@protocol/config';
import { nextEvent, startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let admin: string;

async function setConfig(change: (c: CentreConfig) => CentreConfig): Promise<void> {
  const current = await server.http('GET', '/api/config', undefined, admin);
  const res = await server.http('PUT', '/api/config', change(current.body as CentreConfig), admin);
  expect(res.status).toBe(200);
}

beforeEach(async () => {
  server = await startTestServer();
  admin = await server.login();
  // Whatever the hour the tests run at: open all day, phones too.
  await setConfig((c) => ({
    ...c,
    openingHours: { ...c.openingHours, enforce: false },
    phoneNumbers: { ...c.phoneNumbers, enabled: true, from: '00:00', to: '23:59' },
  }));
});
afterEach(async () => {
  await server.close();
});

describe('a number from the phone', () => {
  it('is offered with the fields, their lines and waits, and ranks exactly like a kiosk number', async () => {
    const kiosk = (await server.client(await server.pair('kiosk-1'))).socket;
    const phone = (await server.client()).socket;
    const offer = await phone.emitWithAck('phone:offer', {});
    if (!offer.ok) throw new Error(offer.error.code);
    expect(offer.data).toMatchObject({ open: true, perPhonePerDay: 2, perPhonePerField: 1 });
    expect(offer.data.fields.find((f) => f.id === 'chung-thuc')).toMatchObject({ name: 'Chứng thực', waiting: 0, waitEstimate: { low: 0, high: 10 } });

    await kiosk.emitWithAck('ticket:issue', { serviceId: 'chung-thuc' });
    const updated = nextEvent(phone, 'ticket:updated');
    const taken = await phone.emitWithAck('phone:take', { serviceId: 'chung-thuc', phone: '091 234 5678' });
    expect(taken).toMatchObject({ ok: true, data: { label: '1002', waitingAhead: 1, printed: false } });
    await kiosk.emitWithAck('ticket:issue', { serviceId: 'chung-thuc' });
    // The phone follows its number without asking: the kiosk's next number is behind it.
    const staff = (await server.client(await server.login('canbo1'))).socket;
    await staff.emitWithAck('counter:sign-in', { counterId: 6 });
    await staff.emitWithAck('counter:call-next', { counterId: 6 });
    const [view] = await updated;
    expect(view.label).toBe('1002');
    const second = await staff.emitWithAck('counter:call-next', { counterId: 6 });
    expect(second).toMatchObject({ ok: true, data: { label: '1002' } });
    expect(server.app.ctx.queue.state.tickets[taken.ok ? taken.data.id : ''].source).toBe('phone');
  });

  it('gives one phone at most 2 numbers a day and 1 per field, even when it asks many times at once', async () => {
    const phones = await Promise.all(Array.from({ length: 6 }, () => server.client()));
    const fields = ['chung-thuc', 'chung-thuc', 'ho-tich', 'ho-tich', 'dat-dai', 'dat-dai'];
    const answers = await Promise.all(phones.map(({ socket }, i) => socket.emitWithAck('phone:take', { serviceId: fields[i], phone: '0912345678' })));
    const ok = answers.filter((a) => a.ok);
    expect(ok).toHaveLength(2);
    expect(new Set(ok.map((a) => (a.ok ? a.data.serviceId : '')))).toHaveProperty('size', 2);
    const refused = answers.flatMap((a) => (a.ok ? [] : [a.error.code]));
    expect(refused.every((c) => c === 'phone-day-limit' || c === 'phone-field-limit')).toBe(true);
    expect(Object.values(server.app.ctx.queue.state.tickets).filter((t) => t.source === 'phone')).toHaveLength(2);
    // The same number written as +84 is the same phone; another phone is not limited by it.
    const again = await phones[0].socket.emitWithAck('phone:take', { serviceId: 'tu-phap', phone: '+84 912 345 678' });
    expect(again).toMatchObject({ ok: false, error: { code: 'phone-day-limit' } });
    const other = await phones[0].socket.emitWithAck('phone:take', { serviceId: 'chung-thuc', phone: '0987654321' });
    expect(other).toMatchObject({ ok: true });
    // Neither the journal nor anything else in the data folder holds the phone numbers.
    for (const dir of ['journal', '.']) {
      for (const name of await readdir(join(server.dataDir, dir))) {
        if (!/\.(jsonl|json)$/.test(name)) continue;
        const text = await readFile(join(server.dataDir, dir, name), 'utf8');
        expect(text).not.toContain('0912345678');
        expect(text).not.toContain('912345678');
      }
    }
  });

  it('carries a priority category only where the managers allow phones to claim it, and then goes first like a kiosk\'s priority number', async () => {
    const phone = (await server.client()).socket;
    const offer = await phone.emitWithAck('phone:offer', {});
    // The sample centre lets phones claim 'người cao tuổi' (iHanoi's priority for people over 75) and nothing else.
    expect(offer).toMatchObject({ ok: true, data: { priorityCategories: [{ id: 'nguoi-cao-tuoi', name: 'Người cao tuổi' }] } });
    const refused = await server.http('POST', '/api/phone-numbers', { serviceId: 'chung-thuc', phone: '0912345678', priorityCategoryId: 'nguoi-khuyet-tat' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'phone-priority-not-allowed', messageVi: expect.stringContaining('Không thể chọn đối tượng ưu tiên này') } });
    const unknown = await phone.emitWithAck('phone:take', { serviceId: 'chung-thuc', phone: '0912345678', priorityCategoryId: 'khong-co' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });

    const kiosk = (await server.client(await server.pair('kiosk-1'))).socket;
    const walkIn = await kiosk.emitWithAck('ticket:issue', { serviceId: 'chung-thuc' });
    const elder = await phone.emitWithAck('phone:take', { serviceId: 'chung-thuc', phone: '0912345678', priorityCategoryId: 'nguoi-cao-tuoi' });
    if (!elder.ok || !walkIn.ok) throw new Error('not issued');
    expect(elder.data).toMatchObject({ priority: true, waitingAhead: 0 });
    expect(server.app.ctx.queue.state.tickets[elder.data.id]).toMatchObject({ source: 'phone', priority: true, priorityCategoryId: 'nguoi-cao-tuoi' });
    const staff = (await server.client(await server.login('canbo1'))).socket;
    await staff.emitWithAck('counter:sign-in', { counterId: 6 });
    expect(await staff.emitWithAck('counter:call-next', { counterId: 6 })).toMatchObject({ ok: true, data: { label: elder.data.label } });

    // A category the centre does not have cannot be allowed; with none allowed, none is offered.
    const current = (await server.http('GET', '/api/config', undefined, admin)).body as CentreConfig;
    const wrong = await server.http('PUT', '/api/config', { ...current, phoneNumbers: { ...current.phoneNumbers, priorityCategoryIds: ['khong-co'] } }, admin);
    expect(wrong).toMatchObject({ status: 400, body: { code: 'invalid-config', details: [{ path: 'phoneNumbers.priorityCategoryIds.0' }] } });
    await setConfig((c) => ({ ...c, phoneNumbers: { ...c.phoneNumbers, priorityCategoryIds: [] } }));
    expect(await phone.emitWithAck('phone:offer', {})).toMatchObject({ ok: true, data: { priorityCategories: [] } });
    const off = await phone.emitWithAck('phone:take', { serviceId: 'ho-tich', phone: '0987654321', priorityCategoryId: 'nguoi-cao-tuoi' });
    expect(off).toMatchObject({ ok: false, error: { code: 'phone-priority-not-allowed' } });
  });

  it('is refused with a reason in Vietnamese when the managers switch it off, outside its hours, or for a wrong number', async () => {
    const phone = (await server.client()).socket;
    const bad = await server.http('POST', '/api/phone-numbers', { serviceId: 'ho-tich', phone: '12345' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid-phone', messageVi: 'Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0).' } });
    await setConfig((c) => ({ ...c, phoneNumbers: { ...c.phoneNumbers, enabled: false } }));
    expect(await phone.emitWithAck('phone:offer', {})).toMatchObject({ ok: true, data: { open: false, closedReason: 'phone-numbers-off' } });
    expect(await phone.emitWithAck('phone:take', { serviceId: 'ho-tich', phone: '0912345678' })).toMatchObject({ ok: false, error: { code: 'phone-numbers-off' } });
    await setConfig((c) => ({ ...c, phoneNumbers: { ...c.phoneNumbers, enabled: true, from: '00:00', to: '00:01' } }));
    const late = await server.http('POST', '/api/phone-numbers', { serviceId: 'ho-tich', phone: '0912345678' });
    // (Between 00:00 and 00:01 the hours are open: then this run sees 201.)
    expect([201, 409]).toContain(late.status);
    if (late.status === 409) expect(late.body.code).toBe('outside-phone-hours');
    // A kiosk or an officer cannot use the phone route to get around ticket.issue's rules.
    const kiosk = (await server.client(await server.pair('kiosk-1'))).socket;
    expect(await kiosk.emitWithAck('phone:take', { serviceId: 'ho-tich', phone: '0912345678' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
