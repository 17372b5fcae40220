// Everything a handler may need, built once by createApp. Handlers get this object instead
// of importing singletons, so tests build it with temp folders and emulators.
import type { Logger } from 'pino';
import type { CentreConfig } from '@protocol/config';
import type { ErrorBody } from '@protocol/errors';
import type { PrinterState } from '@protocol/events';
import type { Alerts } from './alerts';
import type { AuditLog } from '../store/audit-log';
import type { AuthService } from '../auth/auth-service';
import type { BackupService } from '../backup/backup-service';
import type { Catalogue } from '../catalogue/create-catalogue';
import type { CentreStore } from '../centre/centre-store';
import type { Settings } from '../settings';
import type { TicketPrinter } from '../devices/printer';
import type { Voice } from '../devices/speech/voice';
import type { VoiceRecordings } from '../devices/speech/voice-recordings';
import type { CityLink } from '../city-link/city-link';
import type { LinkSettings } from '../city-link/link-settings';
import type { SecondLocationStatus } from '@protocol/status';
import type { ForegroundWork } from '../foreground-work';
import type { ReportService } from '../reports/report-service';
import type { DevicePresence } from './device-presence';
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
  presence: DevicePresence;
  reports: ReportService;
  /** What a person waits for (a sign-in, a report): the voice's background clips give way to it. */
  foreground: ForegroundWork;
  /** Read per call: a restore replaces the catalogue while the server runs. */
  catalogue: () => Catalogue;
  backups: BackupService;
  /** The copies of the daily backups kept in a second location. */
  secondCopy: {
    status(): SecondLocationStatus;
    /** Makes today's archive if needed and copies every daily archive there now. */
    copyNow(): Promise<SecondLocationStatus>;
  };
  voice: Voice;
  /** The centre's own recordings of the spoken clips. */
  voiceRecordings: VoiceRecordings;
  cityLink: CityLink;
  linkSettings: LinkSettings;
  kioskLimiter: RateLimiter;
  waits: WaitEstimates;
  /** Keys phone numbers for the limits per phone, never storing the number. */
  phoneHolders: PhoneHolderKey;
  /** The appointment book (bookings.json). */
  bookings: BookingStore;
  /** Checks of a new configuration the schema cannot express (a printer address that must parse). */
  checkConfig: (config: CentreConfig) => NonNullable<ErrorBody['details']>;
  /** After a new configuration or a restore: printer, devices and voice follow it. */
  configChanged: () => void;
  /** Where phones reach this server: the base of the QR code's address. */
  baseUrl: () => string;
}
