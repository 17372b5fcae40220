// Every HTTP route of the registry (protocol/api.ts), each the same three steps: find who is
// calling and authorise them for the operation, before anything else; then read the body (JSON,
// or the raw file of an upload); then validate, run and answer. /api/counters/6/next is
// counter:call-next exactly as a console's socket sends it. The commands a device or the
// one-stop-shop software sends with a token and a small JSON body take the same steps in
// direct-commands.ts, without express.
import type { IncomingMessage } from 'node:http';
import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { httpOperationNames, httpRoute, operations, type HttpOperationName } from '@protocol/api';
import { QueueError } from '@protocol/errors';
import { isDownload, paramsOf, pathParams, type HttpRoute } from '@protocol/operation';
import type { AppContext } from '../../application/context';
import type { SentFile } from '../../application/operation-handler';
import { perform } from '../../application/perform';
import { authorize } from '../../auth/authorize';
import { bearer, caller, type Caller } from './caller';
import { sendError, sendFile, sendJson } from './send';

/** JSON bodies are small; the registry names the few routes that take a large one (largeJson). */
export const SMALL_JSON_BYTES = 32 * 1024;
export const LARGE_JSON_BYTES = 512 * 1024;

/** The path's segments as input fields: `/counters/abc/next` names no counter (unknown-counter). */
export function pathInput(route: HttpRoute, params: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of paramsOf(route.path)) {
    const raw = String(params[name]);
    const param = pathParams[name];
    if (param?.kind === 'counter-number') {
      if (!/^\d{1,3}$/.test(raw) || Number(raw) === 0) throw new QueueError(param.otherwise);
      input[name] = Number(raw);
    } else input[name] = raw;
  }
  return input;
}

/** A GET's or an upload's query parameters that the operation declares (a cache-buster changes nothing). */
function queryInput(name: HttpOperationName, req: Request): Record<string, unknown> {
  const schema = operations[name].input as { shape?: Record<string, unknown> };
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape ?? {})) if (req.query[key] !== undefined) input[key] = req.query[key];
  return input;
}

/** The JSON body as an object; an array or a bare value is refused rather than spread. */
export function bodyInput(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new QueueError('invalid-payload');
  return body as Record<string, unknown>;
}

/**
 * Who is calling. A session whose password must change first is refused everywhere but by the
 * operations that serve it (signing out, changing the password), for which it counts as public.
 */
function callerFor(ctx: AppContext, name: HttpOperationName, req: IncomingMessage): Caller {
  try {
    return caller(ctx, req);
  } catch (err) {
    if (!(err instanceof QueueError && err.code === 'password-change-required' && 'beforePasswordChange' in operations[name])) throw err;
    const token = bearer(req);
    return { who: { role: 'public' }, ...(token ? { token } : {}) };
  }
}

/** Who is calling, authorised for the operation; throws the refusal, which is answered before any body is read. */
export function authorizeCall(ctx: AppContext, name: HttpOperationName, route: HttpRoute, req: IncomingMessage, params: Record<string, string>): Caller {
  const c = callerFor(ctx, name, req);
  // The counter acted at, if the path names one; a segment that is not a counter's number is refused after.
  const counterId = /^\d{1,3}$/.test(String(params.counterId)) ? Number(params.counterId) : undefined;
  const denied = authorize(c.who, name, counterId);
  if (denied) throw new QueueError(denied);
  if (route.fileBody?.streamed && Number(req.headers['content-length'] ?? 0) > route.fileBody.maxBytes) throw new QueueError('payload-too-large');
  return c;
}

function authorizeFirst(ctx: AppContext, name: HttpOperationName, route: HttpRoute): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals.caller = authorizeCall(ctx, name, route, req, req.params as Record<string, string>);
      next();
    } catch (err) {
      // A body refused before it is read: the connection closes after the answer, so a client
      // that goes on sending (300 MB to a managers' route) is cut off instead of read.
      if (route.method !== 'GET') res.setHeader('Connection', 'close');
      sendError(ctx, res, err);
    }
  };
}

function readBody(route: HttpRoute): RequestHandler[] {
  // A streamed upload is read by its handler as it arrives.
  if (route.fileBody?.streamed) return [];
  if (route.fileBody) return [express.raw({ type: () => true, limit: route.fileBody.maxBytes })];
  return route.method === 'GET' ? [] : [express.json({ limit: route.largeJson ? LARGE_JSON_BYTES : SMALL_JSON_BYTES })];
}

function run(ctx: AppContext, name: HttpOperationName, route: HttpRoute): RequestHandler {
  return (req: Request, res: Response) => {
    const { who, token } = res.locals.caller as Caller;
    Promise.resolve()
      .then(() => {
        const path = pathInput(route, req.params as Record<string, string>);
        let file: Buffer | undefined;
        if (route.fileBody && !route.fileBody.streamed) {
          if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new QueueError('invalid-payload');
          file = req.body;
        }
        const input = route.method === 'GET' || route.fileBody ? { ...queryInput(name, req), ...path } : { ...bodyInput(req.body), ...path };
        return perform(ctx, name, { who, ...(token ? { token } : {}), from: req.ip ?? 'unknown', input, ...(file ? { file } : {}), ...(route.fileBody?.streamed ? { upload: req } : {}) });
      })
      .then(
        (answer) => {
          if (res.headersSent) return;
          if (isDownload(operations[name])) sendFile(ctx, res, answer as unknown as SentFile);
          else sendJson(res, route, answer);
        },
        (err) => {
          if (route.fileBody?.streamed) res.setHeader('Connection', 'close');
          sendError(ctx, res, err);
        },
      );
  };
}

/** The order routes are tried in: a fixed path before a segment that would also match it (/procedures/info before /procedures/:code). */
export const routeOrder: readonly HttpOperationName[] = [...httpOperationNames].sort((a, b) => Number(httpRoute(a).path.includes(':')) - Number(httpRoute(b).path.includes(':')));

export function operationRoutes(ctx: AppContext): Router {
  const router = Router();
  for (const name of routeOrder) {
    const route = httpRoute(name);
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    router[method](route.path, authorizeFirst(ctx, name, route), ...readBody(route), run(ctx, name, route));
  }
  return router;
}
