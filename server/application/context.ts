// Everything a request handler may need, built once by createApp. Handlers get this
// object instead of importing singletons, so tests build it with temp folders and emulators.
import type { Logger } from 'pino';
import type { PrinterState } from '@protocol/events';
import type { Alerts } from './alerts';
import type { AuditLog } from '../store/audit-log';
import type { AuthService } from '../auth/auth-service';
import type { CentreStore } from '../centre/centre-store';
import type { Settings } from '../settings';
import type { TicketPrinter } from '../devices/printer';
import type { QueueService } from './queue-service';
import type { RateLimiter } from './rate-limiter';
import type { WaitEstimates } from './wait-estimates';
import type { PhoneHolderKey } from '../citizens/phone-holder-key';
import type { BookingStore } from '../citizens/booking-store';

export interface AppContext {
  settings: Settings;
  audit: AuditLog;
  logger: Logger;
  clock: () => number;
  centre: CentreStore;
  auth: AuthService;
  queue: QueueService;
  alerts: Alerts;
  printer: TicketPrinter;
  printerState: () => PrinterState;
  kioskLimiter: RateLimiter;
  waits: WaitEstimates;
  /** Keys phone numbers for the limits per phone, never storing the number. */
  phoneHolders: PhoneHolderKey;
  /** The appointment book (bookings.json). */
  bookings: BookingStore;
  /** Where phones reach this server: the base of the QR code's address. */
  baseUrl: () => string;
}
