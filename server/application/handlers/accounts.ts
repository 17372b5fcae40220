// Sign-in, device pairing, and the accounts and devices managers keep.
import { QueueError } from '@protocol/errors';
import { isAllowed } from '@protocol/permissions';
import { SAMPLE_STAFF_PASSWORD } from '../../centre/sample-staff';
import type { AppContext } from '../context';
import type { Handlers } from '../operation-handler';

/** A staff or manager session, its password changed or not (a device's token is none). */
function isSession(ctx: AppContext, token: string): boolean {
  try {
    ctx.auth.sessionUser(token);
    return true;
  } catch {
    return false;
  }
}

export const accountHandlers: Handlers<
  'auth:login' | 'auth:logout' | 'auth:change-password' | 'session:read' | 'device:issue-pairing-code' | 'device:pair' | 'device:revoke' | 'devices:list' | 'user:create' | 'user:update' | 'users:list'
> = {
  async 'auth:login'(ctx, { input: { username, password }, from }) {
    try {
      // A person waits for the password's check; a manager's reports come next, their summaries
      // read meanwhile (read-ahead.ts), started before the check ends so the voice's background
      // clips wait for both (foreground-work.ts).
      const out = await ctx.foreground.during(async () => {
        const signedIn = await ctx.auth.login(username, password, from);
        if (isAllowed(signedIn.user.role, 'reports.read')) void ctx.reports.prepare();
        return signedIn;
      });
      void ctx.audit.record(out.user.id, 'auth.login', { from });
      return out;
    } catch (err) {
      // Attempts the throttle refused unchecked are not written one by one: a flood would fill the audit with fsyncs.
      if (err instanceof QueueError && err.code === 'login-failed') void ctx.audit.record(username.slice(0, 60), 'auth.login-failed', { from });
      else if (err instanceof QueueError) ctx.logger.warn({ from, code: err.code }, 'sign-in refused unchecked');
      throw err;
    }
  },

  async 'auth:logout'(ctx, { token }) {
    if (token && isSession(ctx, token)) await ctx.auth.logout(token);
    return null;
  },

  async 'auth:change-password'(ctx, { token, input: { currentPassword, newPassword }, from }) {
    const user = await ctx.auth.changePassword(token, currentPassword, newPassword, from, SAMPLE_STAFF_PASSWORD);
    void ctx.audit.record(user.id, 'auth.password-changed', { from });
    return { user };
  },

  'session:read': (_ctx, { who }) => who,

  'device:issue-pairing-code'(ctx, { who, input }) {
    const code = ctx.auth.createPairingCode(input.deviceId);
    void ctx.audit.record(who.id, 'device.pairing-code', { deviceId: code.deviceId });
    return code;
  },

  async 'device:pair'(ctx, { who, input, from }) {
    if ('code' in input) {
      const paired = await ctx.auth.pair(input.code, from);
      void ctx.audit.record(paired.deviceId, 'device.paired', { with: 'code' });
      return paired;
    }
    // A manager standing at the device may pair it by choosing it; anyone else needs a code.
    if (who.role !== 'manager') throw new QueueError('invalid-payload', [{ path: 'code', message: 'Cần mã ghép nối 6 chữ số' }]);
    const paired = await ctx.auth.pairDevice(input.deviceId);
    void ctx.audit.record(who.id, 'device.paired', { deviceId: paired.deviceId });
    return paired;
  },

  async 'device:revoke'(ctx, { who, input: { deviceId } }) {
    const revoked = await ctx.auth.revokeDevice(deviceId);
    void ctx.audit.record(who.id, 'device.revoked', { deviceId, tokens: revoked });
    return { revoked };
  },

  'devices:list'(ctx) {
    const pairings = ctx.auth.pairings();
    return ctx.centre.get().devices.map((d) => ({
      ...d,
      ...ctx.presence.status(d.id),
      pairedTokens: pairings.filter((p) => p.deviceId === d.id).length,
    }));
  },

  'users:list': (ctx) => ctx.auth.users(),

  async 'user:create'(ctx, { who, input }) {
    const user = await ctx.auth.createUser(input);
    void ctx.audit.record(who.id, 'user.created', { user: user.id, role: user.role });
    return user;
  },

  async 'user:update'(ctx, { who, input: { userId, ...patch } }) {
    const user = await ctx.auth.updateUser(userId, patch);
    // Which fields changed, never their values (a password stays out of the log).
    void ctx.audit.record(who.id, 'user.updated', { user: user.id, fields: Object.keys(patch) });
    return user;
  },
};
