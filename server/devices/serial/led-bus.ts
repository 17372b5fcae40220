// Counter LED number displays on a serial line. What each display should show is remembered
// and sent again whenever the port comes back, since a display may have lost power with it.
import { encodeLedCommand } from './led-display-protocol';
import { type DeviceLogger, acquireSerialLine } from './serial-line';

export interface LedBusOptions {
  baudRate: number;
  onStatus?: (open: boolean) => void;
  retryMs?: number;
  logger?: DeviceLogger;
}

export interface LedBus {
  readonly isOpen: boolean;
  /** Shows the ticket label at the counter's display; null blanks it. */
  show(counterId: number, label: string | null): void;
  close(): Promise<void>;
}

export function openLedBus(path: string, { baudRate, onStatus, retryMs, logger }: LedBusOptions): LedBus {
  const line = acquireSerialLine(path, { baudRate, retryMs, logger });
  const shown = new Map<number, Buffer>();
  line.onStatus((open) => {
    if (open) for (const frame of shown.values()) line.write(frame);
    onStatus?.(open);
  });
  return {
    get isOpen() {
      return line.isOpen;
    },
    show(counterId, label) {
      const frame = encodeLedCommand(counterId, label);
      shown.set(counterId, frame);
      line.write(frame);
    },
    close: () => line.release(),
  };
}
