// Who may do what, in one table. The role matrix test walks every role × every action
// against this and against the running server, so the table and the behaviour cannot drift.
import type { ErrorCode } from '@protocol/errors';
import type { Principal, Role } from '@protocol/events';

export type Action =
  | 'ticket.issue'
  | 'ticket.take-by-phone'
  | 'appointments.book'
  | 'appointments.check-in'
  | 'ticket.rate'
  | 'ticket.watch'
  | 'counter.sign-in'
  | 'counter.act'
  | 'state.read'
  | 'config.read'
  | 'config.write'
  | 'reports.read'
  | 'devices.manage'
  | 'users.manage';

const allowed: Record<Action, readonly Role[]> = {
  'ticket.issue': ['kiosk', 'manager', 'staff', 'guide'],
  // Phones only: a kiosk or an officer issues through ticket.issue, with no phone limits.
  'ticket.take-by-phone': ['public'],
  // From the phone page, by an officer or the hall guide for a caller, by the one-stop-shop software (a manager's token).
  'appointments.book': ['public', 'staff', 'guide', 'manager'],
  'appointments.check-in': ['public', 'kiosk', 'staff', 'guide', 'manager'],
  'ticket.rate': ['rating-terminal', 'public', 'manager'],
  'ticket.watch': ['public', 'kiosk', 'counter-display', 'central-display', 'rating-terminal', 'staff', 'guide', 'manager'],
  'counter.sign-in': ['staff', 'manager'],
  'counter.act': ['staff', 'manager'],
  'state.read': ['kiosk', 'counter-display', 'central-display', 'rating-terminal', 'staff', 'guide', 'manager'],
  'config.read': ['kiosk', 'counter-display', 'central-display', 'rating-terminal', 'staff', 'guide', 'manager'],
  'config.write': ['manager'],
  'reports.read': ['manager'],
  'devices.manage': ['manager'],
  'users.manage': ['manager'],
};

export const roles: readonly Role[] = ['manager', 'staff', 'guide', 'kiosk', 'counter-display', 'central-display', 'rating-terminal', 'public'];
export const actions = Object.keys(allowed) as Action[];

export function isAllowed(role: Role, action: Action): boolean {
  return allowed[action].includes(role);
}

/** null when allowed; otherwise the code to answer with. counterId: the counter acted on. */
export function authorize(who: Principal, action: Action, counterId?: number): ErrorCode | null {
  if (!isAllowed(who.role, action)) return who.role === 'public' ? 'unauthorized' : 'forbidden';
  // Staff act only at the counter they signed in at; managers supervise every counter.
  if (action === 'counter.act' && who.role === 'staff' && who.counterId !== counterId) return 'not-your-counter';
  return null;
}
