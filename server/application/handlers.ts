// Every operation of the registry and the handler that answers it. The type names every
// operation, so an entry added to protocol/ without its handler does not compile.
import type { OperationName } from '@protocol/api';
import { accountHandlers } from './handlers/accounts';
import { appointmentHandlers } from './handlers/appointments';
import { backupHandlers } from './handlers/backups';
import { catalogueHandlers } from './handlers/catalogue';
import { cityLinkHandlers } from './handlers/city-link';
import { centreHandlers } from './handlers/centre';
import { counterHandlers } from './handlers/counters';
import { phoneNumberHandlers } from './handlers/phone-numbers';
import { reportHandlers } from './handlers/reports';
import { ticketHandlers } from './handlers/tickets';
import { voiceHandlers } from './handlers/voice';
import type { Handlers } from './operation-handler';

export const handlers: Handlers<OperationName> = {
  ...ticketHandlers,
  ...phoneNumberHandlers,
  ...appointmentHandlers,
  ...counterHandlers,
  ...accountHandlers,
  ...centreHandlers,
  ...reportHandlers,
  ...catalogueHandlers,
  ...backupHandlers,
  ...voiceHandlers,
  ...cityLinkHandlers,
};
