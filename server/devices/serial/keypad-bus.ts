// Hardware call keypads on a serial line: each key press becomes onKey(counterId, key).
import { type KeypadKey, createKeypadReader } from './keypad-protocol';
import { type DeviceLogger, acquireSerialLine } from './serial-line';

export interface KeypadBusOptions {
  baudRate: number;
  /** `fieldNumber` comes with 'transfer' when the officer typed the target field's number first. */
  onKey: (counterId: number, key: KeypadKey, fieldNumber?: number) => void;
  onStatus?: (open: boolean) => void;
  retryMs?: number;
  logger?: DeviceLogger;
}

export interface KeypadBus {
  readonly isOpen: boolean;
  close(): Promise<void>;
}

export function openKeypadBus(path: string, { baudRate, onKey, onStatus, retryMs, logger }: KeypadBusOptions): KeypadBus {
  const line = acquireSerialLine(path, { baudRate, retryMs, logger });
  // Half a frame from before the port went away is dropped at the next frame's STX.
  const reader = createKeypadReader((reason, bytes) => logger?.warn({ path, reason, bytes: bytes.toString('hex') }, 'keypad frame ignored'));
  line.onData((chunk) => {
    for (const press of reader.push(chunk)) onKey(press.counterId, press.key, press.fieldNumber);
  });
  if (onStatus) line.onStatus(onStatus);
  return {
    get isOpen() {
      return line.isOpen;
    },
    close: () => line.release(),
  };
}
