// The LED driver on one end of a socat pseudo-terminal pair; the test is the display on the other.
import { createReadStream } from 'node:fs';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasSocat, openPtyPair, type PtyPair } from '../../../test/serial/pty-pair';
import { type LedBus, openLedBus } from './led-bus';
import { type LedCommand, createLedReader } from './led-display-protocol';

const socat = hasSocat();
if (!socat) console.warn('SKIPPED led-bus tests: socat is not installed (apt-get install socat)');

const BAUD = 19200;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function pair(): Promise<PtyPair> {
  const p = await openPtyPair();
  cleanup.push(() => p.close());
  return p;
}

/** Plays the displays: collects every command that reaches the far end. */
async function displays(path: string): Promise<LedCommand[]> {
  const port = new SerialPort({ path, baudRate: BAUD, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  cleanup.push(() => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())));
  const commands: LedCommand[] = [];
  const reader = createLedReader();
  port.on('data', (chunk: Buffer) => commands.push(...reader.push(chunk)));
  return commands;
}

/** The same, reading the pseudo-terminal as a plain file: SerialPort#open flushes input the
 *  driver may already have sent, which a real display, always listening, would have received. */
function displaysAlreadyListening(path: string): LedCommand[] {
  const stream = createReadStream(path);
  // Not awaited: the pending read ends only when socat goes, in the pair's own cleanup.
  cleanup.push(async () => void stream.destroy());
  const commands: LedCommand[] = [];
  const reader = createLedReader();
  stream.on('data', (chunk) => commands.push(...reader.push(chunk as Buffer)));
  stream.on('error', () => {});
  return commands;
}

function ledBus(path: string, retryMs?: number) {
  const status: boolean[] = [];
  const bus: LedBus = openLedBus(path, { baudRate: BAUD, retryMs, onStatus: (open) => status.push(open) });
  cleanup.push(() => bus.close());
  return { bus, status };
}

describe.skipIf(!socat)('openLedBus over a pseudo-terminal', () => {
  it('sends each counter its number, and a blank when the counter has no ticket', async () => {
    const { a, b } = await pair();
    const seen = await displays(b);
    const { bus, status } = ledBus(a);
    await vi.waitFor(() => expect(status).toEqual([true]));
    bus.show(3, '1005');
    bus.show(12, 'A025');
    bus.show(3, null);
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen).toEqual([
      { counterId: 3, text: '1005' },
      { counterId: 12, text: 'A025' },
      { counterId: 3, text: null },
    ]);
  });

  it('after the port comes back, shows every counter its latest number, including ones set while it was away', async () => {
    const first = await pair();
    const { bus, status } = ledBus(first.a, 50);
    await vi.waitFor(() => expect(status).toEqual([true]));
    bus.show(3, '1005');
    bus.show(4, '2001');
    await first.unplug();
    await vi.waitFor(() => expect(status).toEqual([true, false]));
    bus.show(4, '2002');
    expect(bus.isOpen).toBe(false);

    await first.plugIn();
    const seen = displaysAlreadyListening(first.b);
    await vi.waitFor(() => expect(status).toEqual([true, false, true]));
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual([
      { counterId: 3, text: '1005' },
      { counterId: 4, text: '2002' },
    ]);
  });
});
