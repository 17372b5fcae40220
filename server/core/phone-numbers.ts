// Numbers taken from a phone rank exactly like kiosk numbers; what differs is who may take
// one and when: the managers' switch, the part of the day phones may take numbers, and the
// limits per phone number per day and per field (iHanoi's 2 and 1 as defaults).
import type { CentreConfig } from '@protocol/config';
import type { ErrorCode } from '@protocol/errors';
import { localTime } from '@protocol/local-time';
import type { QueueState } from '@protocol/queue';

/**
 * Why this phone may not take a number in this field now, or null when it may. A priority
 * category is claimed on the citizen's word (their papers are shown at the counter), so only
 * the categories the managers allow phones to claim are accepted.
 */
export function phoneRefusal(state: QueueState, config: CentreConfig, holder: string, serviceId: string, now: number, priorityCategoryId?: string): ErrorCode | null {
  const rules = config.phoneNumbers;
  if (!rules.enabled) return 'phone-numbers-off';
  if (priorityCategoryId !== undefined && !rules.priorityCategoryIds.includes(priorityCategoryId)) return 'phone-priority-not-allowed';
  const { hhmm } = localTime(now, config.centre.timeZone);
  if (hhmm < rules.from || hhmm >= rules.to) return 'outside-phone-hours';
  const held = Object.hasOwn(state.holders, holder) ? state.holders[holder] : undefined;
  if ((held?.total ?? 0) >= rules.perPhonePerDay) return 'phone-day-limit';
  if ((held?.byService[serviceId] ?? 0) >= rules.perPhonePerField) return 'phone-field-limit';
  return null;
}

/**
 * A Vietnamese mobile number in its one written form (0 and nine digits), from what a citizen
 * types: spaces, dots and dashes dropped, +84 or 84 read as the leading 0. null when it is not one.
 */
export function normalizePhoneNumber(typed: string): string | null {
  const digits = typed.replace(/[\s.\-()]/g, '');
  const national = digits.replace(/^(\+84|84)(?=[35789]\d{8}$)/, '0');
  return /^0[35789]\d{8}$/.test(national) ? national : null;
}
