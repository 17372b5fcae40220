// Who may do what, in one table. Every operation of the registry (protocol/api.ts) names one
// of these permissions; the server's one authorisation point (server/auth/authorize.ts)
// reads them, and the role matrix test walks every role × every operation against the
// running server, so the table, the docs and the behaviour cannot drift.
import type { Role } from './events';

export const roles: readonly Role[] = ['manager', 'staff', 'guide', 'kiosk', 'counter-display', 'central-display', 'rating-terminal', 'public'];

const devicesAndPeople: readonly Role[] = ['kiosk', 'counter-display', 'central-display', 'rating-terminal', 'staff', 'guide', 'manager'];
const managers: readonly Role[] = ['manager'];

export const permissions = {
  /** Anyone, a phone without a token included: sign-in, pairing, the catalogue, a ticket's own page. */
  public: { roles },
  /** The hall guide (guide) issues for citizens who cannot use the kiosk. */
  'ticket.issue': { roles: ['kiosk', 'manager', 'staff', 'guide'] },
  /** Phones only: a kiosk or an officer issues through ticket.issue, with no phone limits. */
  'ticket.take-by-phone': { roles: ['public'] },
  /** From the phone page, by an officer or the hall guide for a caller, by the one-stop-shop software (a manager's token). */
  'appointments.book': { roles: ['public', 'staff', 'guide', 'manager'] },
  'appointments.check-in': { roles: ['public', 'kiosk', 'staff', 'guide', 'manager'] },
  'ticket.rate': { roles: ['rating-terminal', 'public', 'manager'] },
  'counter.sign-in': { roles: ['staff', 'manager'] },
  /** Staff act only at the counter they signed in at; managers supervise every counter. */
  'counter.act': { roles: ['staff', 'manager'], staffAtOwnCounter: true },
  /** A console's own figures: its officer's, or any counter's for a manager. */
  'counter.figures': { roles: ['staff', 'manager'], staffAtOwnCounter: true },
  'state.read': { roles: devicesAndPeople },
  'config.read': { roles: devicesAndPeople },
  'config.write': { roles: managers },
  'reports.read': { roles: managers },
  'devices.manage': { roles: managers },
  'users.manage': { roles: managers },
  'catalogue.manage': { roles: managers },
  'backups.manage': { roles: managers },
  'audit.read': { roles: managers },
} as const satisfies Record<string, { roles: readonly Role[]; staffAtOwnCounter?: true }>;

export type Permission = keyof typeof permissions;

export function isAllowed(role: Role, permission: Permission): boolean {
  return (permissions[permission].roles as readonly Role[]).includes(role);
}

/** Whether the permission binds staff to the counter they signed in at. */
export function bindsStaffToTheirCounter(permission: Permission): boolean {
  return 'staffAtOwnCounter' in permissions[permission];
}
