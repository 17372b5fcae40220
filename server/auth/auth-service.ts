// Who is asking: staff and managers sign in with a password and get a session that
// expires; devices pair once with a code a manager issues and keep their token until a
// manager revokes it, so a display never goes dark because a session expired overnight.
import { randomInt } from 'node:crypto';
import type { Low } from 'lowdb';
import type { UserAccount } from '@protocol/accounts';
import type { CentreConfig } from '@protocol/config';
import { QueueError } from '@protocol/errors';
import type { Principal, StaffEntry } from '@protocol/events';
import type { Accounts, User } from './accounts-store';
import { hashPassword, hashToken, newToken, randomPassword, verifyPassword } from './passwords';
import { AttemptThrottle, LOGIN_LIMITS, PAIRING_LIMITS } from './attempt-throttle';
import type { SessionLog } from './session-log';


const PAIRING_MINUTES = 15;

export type SessionEndReason = 'signed-out' | 'revoked' | 'expired' | 'disabled' | 'password-changed';

function publicUser(u: User): UserAccount {
  return {
    id: u.id, username: u.username, name: u.name, role: u.role, active: u.active, ...(u.photoUrl ? { photoUrl: u.photoUrl } : {}),
    mustChangePassword: u.mustChangePassword === true,
  };
}

export class AuthService {
  private pairingCodes = new Map<string, { deviceId: string; expiresAt: number }>();
  private readonly loginAttempts: AttemptThrottle;
  private readonly pairingAttempts: AttemptThrottle;
  private readonly accessListeners = new Set<(reason: SessionEndReason) => void>();

  constructor(
    private readonly db: Low<Accounts>,
    private readonly sessions: SessionLog,
    private readonly getConfig: () => CentreConfig,
    private readonly clock: () => number,
    private readonly sessionHours: number,
  ) {
    this.loginAttempts = new AttemptThrottle(clock, LOGIN_LIMITS);
    this.pairingAttempts = new AttemptThrottle(clock, PAIRING_LIMITS);
  }

  /** First start: the admin account and the sample centre's staff. Returns what to print once. */
  async bootstrap(opts: { adminPassword?: string; sampleStaff: { username: string; name: string }[]; samplePassword: string }) {
    const created: { username: string; password: string; role: string }[] = [];
    if (!this.db.data.users.some((u) => u.role === 'manager')) {
      const password = opts.adminPassword ?? randomPassword();
      // A password printed in the log must be replaced; one the operator chose (QMS_ADMIN_PASSWORD) need not.
      await this.addUser({ username: 'admin', name: 'Quản trị viên', role: 'manager', password, mustChangePassword: !opts.adminPassword }, false);
      created.push({ username: 'admin', password: opts.adminPassword ? '(QMS_ADMIN_PASSWORD)' : password, role: 'manager' });
      // One hash for the shared sample password: it is public in the README and must be changed anyway.
      const sampleHash = opts.sampleStaff.length ? await hashPassword(opts.samplePassword) : '';
      for (const s of opts.sampleStaff) {
        await this.addUser({ username: s.username, name: s.name, role: 'staff', passwordHash: sampleHash, mustChangePassword: true }, false);
        created.push({ username: s.username, password: opts.samplePassword, role: 'staff' });
      }
      await this.db.write();
    }
    await this.markDefaultPasswords(opts.samplePassword);
    return created;
  }

  /** Accounts from a release that did not record it: still on the public sample password means it must change. Once per account. */
  private async markDefaultPasswords(samplePassword: string): Promise<void> {
    const unknown = this.db.data.users.filter((u) => u.mustChangePassword === undefined);
    if (!unknown.length) return;
    for (const u of unknown) u.mustChangePassword = await verifyPassword(samplePassword, u.passwordHash);
    await this.db.write();
  }

  private async addUser(
    input: { username: string; name: string; role: User['role']; mustChangePassword: boolean } & ({ password: string } | { passwordHash: string }),
    write = true,
  ): Promise<User> {
    const username = input.username.trim().toLowerCase();
    if (this.db.data.users.some((u) => u.username === username)) throw new QueueError('invalid-payload', [{ path: 'username', message: 'Tên đăng nhập đã tồn tại' }]);
    const user: User = {
      id: username,
      username,
      name: input.name,
      role: input.role,
      passwordHash: 'passwordHash' in input ? input.passwordHash : await hashPassword(input.password),
      active: true,
      createdAt: this.clock(),
      mustChangePassword: input.mustChangePassword,
    };
    this.db.data.users.push(user);
    if (write) await this.db.write();
    return user;
  }

  /** The manager chose the first password, so the new member changes it at their first sign-in. */
  async createUser(input: { username: string; name: string; role: User['role']; password: string }): Promise<UserAccount> {
    return publicUser(await this.addUser({ ...input, mustChangePassword: true }));
  }

  async updateUser(id: string, patch: { name?: string; active?: boolean; photoUrl?: string | null; password?: string; role?: User['role'] }): Promise<UserAccount> {
    const user = this.db.data.users.find((u) => u.id === id);
    if (!user) throw new QueueError('not-found');
    if (patch.name !== undefined) user.name = patch.name;
    if (patch.role !== undefined) user.role = patch.role;
    if (patch.photoUrl !== undefined) {
      if (patch.photoUrl === null) delete user.photoUrl;
      else user.photoUrl = patch.photoUrl;
    }
    if (patch.password !== undefined) {
      // A reset: the manager knows this password, so its owner must replace it at the next sign-in.
      user.passwordHash = await hashPassword(patch.password);
      user.mustChangePassword = true;
    }
    if (patch.active !== undefined) user.active = patch.active;
    await this.db.write();
    // A disabled account or a reset password ends every session that account had.
    if (patch.active === false || patch.password !== undefined) await this.sessions.record({ op: 'end-user', userId: id });
    if (patch.active === false) this.accessChanged('disabled');
    else if (patch.password !== undefined) this.accessChanged('password-changed');
    else if (patch.role !== undefined) this.accessChanged('revoked');
    return publicUser(user);
  }

  /**
   * Tells the transport that some tokens may have stopped being valid (or a role changed), so
   * it checks its open connections now instead of at their next command.
   */
  onAccessChanged(listener: (reason: SessionEndReason) => void): () => void {
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  accessChanged(reason: SessionEndReason): void {
    for (const l of this.accessListeners) l(reason);
  }

  /** When a person's session ends by itself; undefined for a device (paired until revoked) or no session. */
  sessionExpiresAt(token: string | undefined): number | undefined {
    if (!token) return undefined;
    return this.sessions.get(hashToken(token))?.expiresAt;
  }

  users(): UserAccount[] {
    return this.db.data.users.map(publicUser);
  }

  staffDirectory(): StaffEntry[] {
    return this.db.data.users.map((u) => ({ id: u.id, name: u.name, ...(u.photoUrl ? { photoUrl: u.photoUrl } : {}) }));
  }

  async login(username: string, password: string, from: string): Promise<{ token: string; user: UserAccount; expiresAt: number; mustChangePassword: boolean }> {
    const key = username.trim().toLowerCase();
    const attempt = this.loginAttempts.begin(key, from);
    const user = this.db.data.users.find((u) => u.username === key);
    let ok: boolean;
    try {
      // Verify against a dummy hash for unknown users so timing does not reveal which names exist.
      ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    } catch (err) {
      attempt.abandoned();
      throw err;
    }
    if (!user || !ok || !user.active) {
      attempt.failed();
      throw new QueueError('login-failed');
    }
    attempt.succeeded();
    const now = this.clock();
    const token = newToken();
    const expiresAt = now + this.sessionHours * 3_600_000;
    await this.sessions.record({ op: 'open', tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt });
    // With mustChangePassword the session is good for nothing but changePassword (principal() refuses it).
    return { token, user: publicUser(user), expiresAt, mustChangePassword: user.mustChangePassword === true };
  }

  /** Who signed in with this token, whether or not the password must still change; for the password route itself. */
  sessionUser(token: string | undefined): UserAccount {
    const session = token ? this.sessions.get(hashToken(token)) : undefined;
    const user = session && this.db.data.users.find((u) => u.id === session.userId);
    if (!session || !user || !user.active || session.expiresAt <= this.clock()) throw new QueueError('unauthorized');
    return publicUser(user);
  }

  /**
   * A person replaces their own password, knowing the current one (checked under the same
   * throttle as a sign-in). Every other session of the account ends; this one stays, freed.
   */
  async changePassword(token: string | undefined, currentPassword: string, newPassword: string, from: string, samplePassword: string): Promise<UserAccount> {
    const who = this.sessionUser(token);
    const user = this.db.data.users.find((u) => u.id === who.id)!;
    const attempt = this.loginAttempts.begin(user.username, from);
    let ok: boolean;
    try {
      ok = await verifyPassword(currentPassword, user.passwordHash);
    } catch (err) {
      attempt.abandoned();
      throw err;
    }
    if (!ok) {
      attempt.failed();
      throw new QueueError('login-failed');
    }
    attempt.succeeded();
    if (newPassword === currentPassword || newPassword === samplePassword) throw new QueueError('password-not-new');
    user.passwordHash = await hashPassword(newPassword);
    user.mustChangePassword = false;
    await this.db.write();
    const keep = this.sessions.get(hashToken(token!))!;
    await this.sessions.record({ op: 'end-user', userId: user.id });
    await this.sessions.record({ op: 'open', ...keep });
    this.accessChanged('password-changed');
    return publicUser(user);
  }

  async logout(token: string): Promise<void> {
    await this.sessions.record({ op: 'end', tokenHash: hashToken(token) });
    this.accessChanged('signed-out');
  }

  /** The principal a token stands for; no token means the public (a phone). */
  principal(token: string | undefined): Principal {
    if (!token) return { role: 'public' };
    const h = hashToken(token);
    const session = this.sessions.get(h);
    if (session) {
      const user = this.db.data.users.find((u) => u.id === session.userId);
      if (!user || !user.active || session.expiresAt <= this.clock()) throw new QueueError('unauthorized');
      if (user.mustChangePassword) throw new QueueError('password-change-required');
      return { role: user.role, id: user.id, name: user.name, ...(session.counterId !== undefined ? { counterId: session.counterId } : {}) };
    }
    const pairing = this.db.data.devices.find((d) => d.tokenHash === h);
    const device = pairing && this.getConfig().devices.find((d) => d.id === pairing.deviceId);
    if (!device) throw new QueueError('unauthorized');
    return { role: device.role, id: device.id, name: device.name, ...(device.counterId !== undefined ? { counterId: device.counterId } : {}) };
  }

  async setSessionCounter(token: string, counterId: number | undefined): Promise<void> {
    const tokenHash = hashToken(token);
    if (!this.sessions.get(tokenHash)) throw new QueueError('unauthorized');
    await this.sessions.record({ op: 'counter', tokenHash, ...(counterId !== undefined ? { counterId } : {}) });
  }

  createPairingCode(deviceId: string): { code: string; deviceId: string; expiresAt: number } {
    if (!this.getConfig().devices.some((d) => d.id === deviceId)) throw new QueueError('unknown-device');
    const now = this.clock();
    for (const [code, p] of this.pairingCodes) if (p.expiresAt <= now) this.pairingCodes.delete(code);
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (this.pairingCodes.has(code));
    const expiresAt = now + PAIRING_MINUTES * 60_000;
    this.pairingCodes.set(code, { deviceId, expiresAt });
    return { code, deviceId, expiresAt };
  }

  async pair(code: string, from: string): Promise<{ token: string; deviceId: string }> {
    const attempt = this.pairingAttempts.begin('code', from);
    const now = this.clock();
    const p = this.pairingCodes.get(code);
    if (!p || p.expiresAt <= now) {
      attempt.failed();
      throw new QueueError('invalid-pairing-code');
    }
    attempt.succeeded();
    this.pairingCodes.delete(code);
    return this.pairDevice(p.deviceId);
  }

  /** A manager standing at the device pairs it directly. */
  async pairDevice(deviceId: string): Promise<{ token: string; deviceId: string }> {
    if (!this.getConfig().devices.some((d) => d.id === deviceId)) throw new QueueError('unknown-device');
    const token = newToken();
    this.db.data.devices.push({ tokenHash: hashToken(token), deviceId, pairedAt: this.clock() });
    await this.db.write();
    return { token, deviceId };
  }

  async revokeDevice(deviceId: string): Promise<number> {
    const before = this.db.data.devices.length;
    this.db.data.devices = this.db.data.devices.filter((d) => d.deviceId !== deviceId);
    await this.db.write();
    this.accessChanged('revoked');
    return before - this.db.data.devices.length;
  }

  pairings(): { deviceId: string; pairedAt: number }[] {
    return this.db.data.devices.map((d) => ({ deviceId: d.deviceId, pairedAt: d.pairedAt }));
  }
}

// scrypt hash of a random string nobody knows, for constant-time refusals.
const DUMMY_HASH = 'scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
