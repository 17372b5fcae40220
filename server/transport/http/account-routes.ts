// Sign-in, device pairing and the accounts managers keep.
import { Router } from 'express';
import { z } from 'zod';
import { QueueError } from '@protocol/errors';
import { loginSchema, pairingCodeRequestSchema, pairSchema, passwordChangeSchema } from '@protocol/commands';
import { SAMPLE_STAFF_PASSWORD } from '../../centre/sample-staff';
import type { AppContext } from '../../application/context';
import { parse } from '../../application/actions/parse';
import { bearer, handle, handleUnchecked, requireRole } from './handle';

const newUserSchema = z.strictObject({
  username: z.string().trim().regex(/^[a-z0-9._-]{3,40}$/i, 'Tên đăng nhập 3–40 ký tự: chữ không dấu, số, . _ -'),
  name: z.string().trim().min(1).max(80),
  role: z.enum(['manager', 'staff', 'guide']),
  password: z.string().min(8, 'Mật khẩu tối thiểu 8 ký tự').max(200),
});
const userPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  role: z.enum(['manager', 'staff', 'guide']).optional(),
  active: z.boolean().optional(),
  password: z.string().min(8, 'Mật khẩu tối thiểu 8 ký tự').max(200).optional(),
  photoUrl: z.union([z.string().max(300_000).regex(/^(data:image\/(png|jpeg|webp);base64,|\/)/), z.null()]).optional(),
});

function sessionOf(ctx: AppContext, token: string): boolean {
  try {
    ctx.auth.sessionUser(token);
    return true;
  } catch {
    return false;
  }
}

export function accountRoutes(ctx: AppContext): Router {
  const r = Router();
  r.post(
    '/auth/login',
    handle(ctx, async (req) => {
      const { username, password } = parse(loginSchema, req.body);
      try {
        const out = await ctx.auth.login(username, password, req.ip ?? 'unknown');
        void ctx.audit.record(out.user.id, 'auth.login', { from: req.ip });
        return out;
      } catch (err) {
        // Attempts the throttle refused unchecked are not written one by one: a flood would fill the audit with fsyncs.
        if (err instanceof QueueError && err.code === 'login-failed') void ctx.audit.record(username.slice(0, 60), 'auth.login-failed', { from: req.ip });
        else if (err instanceof QueueError) ctx.logger.warn({ from: req.ip, code: err.code }, 'sign-in refused unchecked');
        throw err;
      }
    }),
  );
  // Logout and the password change also serve a session whose password must still change,
  // which every other route refuses; so they read the token themselves.
  r.post(
    '/auth/logout',
    handleUnchecked(ctx, async (req) => {
      const token = bearer(req);
      if (token && sessionOf(ctx, token)) await ctx.auth.logout(token);
      return null;
    }),
  );
  r.post(
    '/auth/password',
    handleUnchecked(ctx, async (req) => {
      const { currentPassword, newPassword } = parse(passwordChangeSchema, req.body);
      const token = bearer(req);
      const user = await ctx.auth.changePassword(token, currentPassword, newPassword, req.ip ?? 'unknown', SAMPLE_STAFF_PASSWORD);
      void ctx.audit.record(user.id, 'auth.password-changed', { from: req.ip });
      return { user };
    }),
  );
  r.get('/auth/me', handle(ctx, (_req, c) => c.who));
  r.post(
    '/devices/pairing-codes',
    handle(ctx, (req, c) => {
      requireRole(c, 'manager');
      const code = ctx.auth.createPairingCode(parse(pairingCodeRequestSchema, req.body).deviceId);
      void ctx.audit.record(c.who.id, 'device.pairing-code', { deviceId: code.deviceId });
      return code;
    }, 201),
  );
  r.post(
    '/devices/pair',
    handle(ctx, async (req, c) => {
      // A manager standing at the device may pair it by choosing it; anyone else needs a code.
      if (c.who.role === 'manager' && typeof req.body?.deviceId === 'string') {
        const paired = await ctx.auth.pairDevice(parse(pairingCodeRequestSchema, req.body).deviceId);
        void ctx.audit.record(c.who.id, 'device.paired', { deviceId: paired.deviceId });
        return paired;
      }
      const paired = await ctx.auth.pair(parse(pairSchema, req.body).code, req.ip ?? 'unknown');
      void ctx.audit.record(paired.deviceId, 'device.paired', { with: 'code' });
      return paired;
    }, 201),
  );
  r.delete(
    '/devices/:id/pairing',
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      const revoked = await ctx.auth.revokeDevice(String(req.params.id));
      void ctx.audit.record(c.who.id, 'device.revoked', { deviceId: req.params.id, tokens: revoked });
      return { revoked };
    }),
  );
  r.get(
    '/users',
    handle(ctx, (_req, c) => {
      requireRole(c, 'manager');
      return ctx.auth.users();
    }),
  );
  r.post(
    '/users',
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      const user = await ctx.auth.createUser(parse(newUserSchema, req.body));
      void ctx.audit.record(c.who.id, 'user.created', { user: user.id, role: user.role });
      return user;
    }, 201),
  );
  r.patch(
    '/users/:id',
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      const patch = parse(userPatchSchema, req.body);
      const user = await ctx.auth.updateUser(String(req.params.id), patch);
      // Which fields changed, never their values (a password stays out of the log).
      void ctx.audit.record(c.who.id, 'user.updated', { user: user.id, fields: Object.keys(patch) });
      return user;
    }),
  );
  return r;
}
