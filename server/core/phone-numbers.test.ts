import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from './phone-numbers';

describe('a typed phone number', () => {
  it('reads the ways citizens write a mobile number as one form', () => {
    for (const typed of ['0912345678', '0912 345 678', '0912.345.678', '+84 912 345 678', '84912345678', '(091) 234-5678']) expect(normalizePhoneNumber(typed), typed).toBe('0912345678');
  });

  it('refuses what is not a Vietnamese mobile number', () => {
    for (const typed of ['', '091234567', '09123456789', '0212345678', '1912345678', 'abc0912345678', '+1 912 345 6789', '0912３45678']) expect(normalizePhoneNumber(typed), typed).toBeNull();
  });
});
