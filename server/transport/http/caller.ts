// Who is calling over HTTP: the bearer token's principal (a phone without one is "public").
import type { IncomingMessage } from 'node:http';
import type { Principal } from '@protocol/events';
import type { AppContext } from '../../application/context';

export interface Caller {
  who: Principal;
  token?: string;
}

export function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/** Throws unauthorized for a token that no longer works (expired, revoked). */
export function caller(ctx: AppContext, req: IncomingMessage): Caller {
  const token = bearer(req);
  return { who: ctx.auth.principal(token), ...(token ? { token } : {}) };
}
