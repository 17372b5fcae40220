// Sign-in, device pairing and the staff, hall guide and manager accounts, as the API takes and shows
// them (never a password or its hash).
import { z } from 'zod';
import type { DeviceConfig } from './config';

/** guide: the hall guide (hướng dẫn viên), who issues tickets for citizens who cannot use the kiosk. */
export type AccountRole = 'manager' | 'staff' | 'guide';

export interface UserAccount {
  id: string;
  username: string;
  name: string;
  role: AccountRole;
  active: boolean;
  photoUrl?: string;
  /** Still the password someone else set (a default or a reset): shown to managers, forced at sign-in. */
  mustChangePassword: boolean;
}

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(60),
  password: z.string().min(1).max(200),
});

export interface SignedIn {
  token: string;
  user: UserAccount;
  expiresAt: number;
  /** The session is good only for changing the password (auth:change-password) or signing out. */
  mustChangePassword: boolean;
}

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8, 'Mật khẩu mới tối thiểu 8 ký tự').max(200),
});

const deviceId = z.string().min(1).max(40);
export const pairingCodeRequestSchema = z.strictObject({ deviceId });
/** A device types the code a manager issued; a manager standing at the device may name it instead. */
export const pairSchema = z.union([z.strictObject({ code: z.string().regex(/^\d{6}$/) }), pairingCodeRequestSchema]);

export interface PairingCode {
  code: string;
  deviceId: string;
  expiresAt: number;
}

export interface PairedDevice {
  token: string;
  deviceId: string;
}

/** A configured device and how it is connected now (GET /api/devices). */
export interface DeviceStatus extends DeviceConfig {
  deviceId: string;
  online: boolean;
  lastSeen: number | null;
  pairedTokens: number;
}

const password = z.string().min(8, 'Mật khẩu tối thiểu 8 ký tự').max(200);
const name = z.string().trim().min(1).max(80);
const role = z.enum(['manager', 'staff', 'guide']);

export const newUserSchema = z.strictObject({
  username: z.string().trim().regex(/^[a-z0-9._-]{3,40}$/i, 'Tên đăng nhập 3–40 ký tự: chữ không dấu, số, . _ -'),
  name,
  role,
  password,
});

export const userPatchSchema = z.strictObject({
  userId: z.string().min(1).max(80),
  name: name.optional(),
  role: role.optional(),
  active: z.boolean().optional(),
  password: password.optional(),
  photoUrl: z.union([z.string().max(300_000).regex(/^(data:image\/(png|jpeg|webp);base64,|\/)/), z.null()]).optional(),
});
