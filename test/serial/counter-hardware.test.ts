// A hardware keypad and an LED display on real pseudo-terminal serial lines, end to end
// through the running server: the keypad's Next calls a number like the console's button,
// and the LED display receives that number.
import { pino } from 'pino';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeKeyPress } from '../../server/devices/serial/keypad-protocol';
import { createLedReader } from '../../server/devices/serial/led-display-protocol';
import { patience } from '../support/patience';
import { startTestServer, type TestServer } from '../support/server';
import { hasSocat, openPtyPair, type PtyPair } from './pty-pair';

if (!hasSocat()) console.warn('\n!!! SKIPPING serial hardware tests: socat is not installed (apt-get install socat)\n');

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function openPort(path: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 9600 }, (err) => (err ? reject(err) : resolve(port)));
  });
}

describe.skipIf(!hasSocat())('serial keypads and LED displays', () => {
  it('a keypad Next calls the next number at its counter and the LED display shows it', async () => {
    const keypadLine: PtyPair = await openPtyPair();
    const ledLine: PtyPair = await openPtyPair();
    cleanup.push(() => keypadLine.close(), () => ledLine.close());
    const server: TestServer = await startTestServer({ env: { QMS_KEYPAD_PORT: keypadLine.a, QMS_LED_PORT: ledLine.a, QMS_SERIAL_BAUD: '9600' } });
    cleanup.push(() => server.close());

    const shown: { counterId: number; text: string | null }[] = [];
    const ledEnd = await openPort(ledLine.b);
    cleanup.push(() => new Promise((r) => ledEnd.close(r)));
    const reader = createLedReader();
    ledEnd.on('data', (chunk: Buffer) => shown.push(...reader.push(chunk)));

    const admin = await server.login();
    await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, admin);
    const staff = await server.login('canbo3');
    await server.http('POST', '/api/counters/6/sign-in', undefined, staff);

    const keypadEnd = await openPort(keypadLine.b);
    cleanup.push(() => new Promise((r) => keypadEnd.close(r)));
    keypadEnd.write(encodeKeyPress({ counterId: 6, key: 'next' }));

    await expect.poll(() => shown, { timeout: patience(10_000) }).toContainEqual({ counterId: 6, text: '1001' });
    expect(server.app.ctx.queue.state.counters[6].currentTicketId).toBeDefined();
    expect(server.app.ctx.queue.state.tickets[server.app.ctx.queue.state.counters[6].currentTicketId!]).toMatchObject({ label: '1001', staffId: 'canbo3' });

    keypadEnd.write(encodeKeyPress({ counterId: 6, key: 'finish' }));
    await expect.poll(() => shown.at(-1), { timeout: patience(10_000) }).toEqual({ counterId: 6, text: null });
  });

  it('a keypad at a closed counter changes nothing', async () => {
    const keypadLine = await openPtyPair();
    cleanup.push(() => keypadLine.close());
    // The server says when it refused a key: the test waits for that, not for a guessed time.
    const logged: { msg?: string; counterId?: number; code?: string }[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    const server = await startTestServer({ env: { QMS_KEYPAD_PORT: keypadLine.a, QMS_SERIAL_BAUD: '9600' }, deps: { logger } });
    cleanup.push(() => server.close());
    await server.http('POST', '/api/tickets', { serviceId: 'chung-thuc' }, await server.login());
    const keypadEnd = await openPort(keypadLine.b);
    cleanup.push(() => new Promise((r) => keypadEnd.close(r)));
    const seq = server.app.ctx.queue.state.seq;
    keypadEnd.write(encodeKeyPress({ counterId: 6, key: 'next' }));
    await expect.poll(() => logged, { timeout: patience(10_000) }).toContainEqual(expect.objectContaining({ msg: 'keypad key refused', counterId: 6, code: 'counter-closed' }));
    expect(server.app.ctx.queue.state.seq).toBe(seq);
    expect(server.app.ctx.queue.state.counters[6]?.currentTicketId).toBeUndefined();
  });
});
