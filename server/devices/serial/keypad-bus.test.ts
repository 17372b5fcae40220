// The keypad driver on one end of a socat pseudo-terminal pair; the test is the keypad on the other.
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasSocat, openPtyPair, type PtyPair } from '../../../test/serial/pty-pair';
import { encodeFrame } from './framing';
import { type KeypadBus, openKeypadBus } from './keypad-bus';
import { type KeyPress, encodeKeyPress } from './keypad-protocol';
import { openLedBus } from './led-bus';
import { createLedReader } from './led-display-protocol';

const socat = hasSocat();
if (!socat) console.warn('SKIPPED keypad-bus tests: socat is not installed (apt-get install socat)');

const BAUD = 9600;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function pair(): Promise<PtyPair> {
  const p = await openPtyPair();
  cleanup.push(() => p.close());
  return p;
}

async function device(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: BAUD, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  cleanup.push(() => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())));
  return port;
}

const send = (port: SerialPort, bytes: Buffer) => new Promise<void>((resolve, reject) => port.write(bytes, (e) => (e ? reject(e) : port.drain(() => resolve()))));

function keypadBus(path: string, extra: { retryMs?: number } = {}) {
  const presses: KeyPress[] = [];
  const status: boolean[] = [];
  const bus: KeypadBus = openKeypadBus(path, {
    baudRate: BAUD,
    ...extra,
    onKey: (counterId, key, fieldNumber) => presses.push(fieldNumber === undefined ? { counterId, key } : { counterId, key, fieldNumber }),
    onStatus: (open) => status.push(open),
  });
  cleanup.push(() => bus.close());
  return { bus, presses, status };
}

describe.skipIf(!socat)('openKeypadBus over a pseudo-terminal', () => {
  it('turns keypad frames into key presses, through garbage and frames split across writes', async () => {
    const { a, b } = await pair();
    const { presses, status } = keypadBus(a);
    await vi.waitFor(() => expect(status).toEqual([true]));
    const keypad = await device(b);

    const transfer = encodeKeyPress({ counterId: 3, key: 'transfer', fieldNumber: 2 });
    await send(keypad, Buffer.concat([Buffer.from('\xff\x00noise', 'latin1'), encodeKeyPress({ counterId: 3, key: 'next' })]));
    await send(keypad, transfer.subarray(0, 4));
    await send(keypad, transfer.subarray(4));
    await send(keypad, encodeKeyPress({ counterId: 12, key: 'recall' }));

    await vi.waitFor(() => expect(presses).toHaveLength(3));
    expect(presses).toEqual([
      { counterId: 3, key: 'next' },
      { counterId: 3, key: 'transfer', fieldNumber: 2 },
      { counterId: 12, key: 'recall' },
    ]);
  });

  it('ignores a frame with a bad checksum', async () => {
    const { a, b } = await pair();
    const { presses, status } = keypadBus(a);
    await vi.waitFor(() => expect(status).toEqual([true]));
    const keypad = await device(b);
    const corrupted = encodeKeyPress({ counterId: 5, key: 'finish' });
    corrupted[corrupted.length - 1] = corrupted[corrupted.length - 1] === 0x30 ? 0x31 : 0x30;
    await send(keypad, corrupted);
    await send(keypad, encodeKeyPress({ counterId: 5, key: 'pause' }));
    await vi.waitFor(() => expect(presses).toHaveLength(1));
    expect(presses).toEqual([{ counterId: 5, key: 'pause' }]);
  });

  it('reopens the port when it disappears and comes back, and reads the keypad again', async () => {
    const first = await pair();
    const { presses, status } = keypadBus(first.a, { retryMs: 50 });
    await vi.waitFor(() => expect(status).toEqual([true]));
    // Half a frame, then the adapter is unplugged: it must not spoil the first frame after.
    await send(await device(first.b), encodeKeyPress({ counterId: 7, key: 'next' }).subarray(0, 5));
    await first.unplug();
    await vi.waitFor(() => expect(status).toEqual([true, false]));

    await first.plugIn();
    await vi.waitFor(() => expect(status).toEqual([true, false, true]));
    await send(await device(first.b), encodeKeyPress({ counterId: 7, key: 'resume' }));
    await vi.waitFor(() => expect(presses).toHaveLength(1));
    expect(presses).toEqual([{ counterId: 7, key: 'resume' }]);
  });

  it('shares one RS-485 port between keypads and LED displays', async () => {
    const { a, b } = await pair();
    const { presses, status } = keypadBus(a);
    const led = openLedBus(a, { baudRate: BAUD });
    cleanup.push(() => led.close());
    expect(() => openLedBus(a, { baudRate: 19200 })).toThrow(/9600/);
    await vi.waitFor(() => expect(status).toEqual([true]));
    const bus = await device(b);
    const shown: unknown[] = [];
    const reader = createLedReader();
    bus.on('data', (chunk: Buffer) => shown.push(...reader.push(chunk)));

    led.show(4, '2001');
    await send(bus, Buffer.concat([encodeFrame('L004D9999'), encodeKeyPress({ counterId: 4, key: 'no-show' })]));
    await vi.waitFor(() => expect(presses).toHaveLength(1));
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(presses).toEqual([{ counterId: 4, key: 'no-show' }]);
    expect(shown).toEqual([{ counterId: 4, text: '2001' }]);
  });
});
