// The registry's commands sent the common way — a write (POST, PUT, PATCH, DELETE) with a
// bearer token and a small JSON body: a kiosk's or a console's command, the one-stop-shop
// software issuing a ticket — served straight from node:http. Through express such a request
// cost more main-thread time than the durable issue itself (its request and response objects,
// the router trying every route, helmet's eleven middlewares, body-parser, res.json with an
// ETag nobody reads), and that time caps how many tickets per second the server can take.
//
// The steps are the express route's (operation-routes.ts), in the same order and with the same
// functions: the citizens' side serves only the hall's routes; who is calling is authorised for
// the operation before any body is read (a refusal closes the connection, the body unread);
// then the body is read, validated and run, and the answer has the same status, body and
// security headers. Anything else goes to express unchanged, decided from the request line and
// headers alone, before anything is read or counted: reads (GET, HEAD: ETags, 304s),
// uploads and downloads, sign-ins and pairings (one per loop turn), callers without a token
// (their shared budget), a body express would refuse or decode (too large, not JSON, another
// charset, compressed, chunked), a path that is not plainly one of the registry's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpRoute, operations, type HttpOperationName } from '@protocol/api';
import { errorMessages, QueueError } from '@protocol/errors';
import { isDownload, type HttpRoute } from '@protocol/operation';
import type { AppContext } from '../../application/context';
import { perform } from '../../application/perform';
import { admittedOnPublicSide, servedOnPublicSide, type NetworkSides } from '../network-sides';
import { toErrorBody } from '../errors';
import { bearer } from './caller';
import { authorizeCall, bodyInput, LARGE_JSON_BYTES, pathInput, routeOrder, SMALL_JSON_BYTES } from './operation-routes';
import { answerStatus } from './send';

interface Entry {
  name: HttpOperationName;
  route: HttpRoute;
  /** The path under /api split at '/': a literal segment in lower case, or a parameter's name after ':'. */
  segments: string[];
  /** Served here; otherwise a request that matches it first goes to express. */
  direct: boolean;
}

type Params = Record<string, string>;

/** A JSON body express reads without decoding anything: utf-8 or no charset. */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Express's paths: case-insensitive, one trailing slash allowed, a parameter is a non-empty segment. */
function matches(entry: Entry, segments: readonly string[], params: Params): boolean {
  const n = segments.length - (segments.length > 1 && segments.at(-1) === '' ? 1 : 0);
  if (n !== entry.segments.length) return false;
  for (let i = 0; i < n; i++) {
    const want = entry.segments[i];
    const got = segments[i];
    if (want.startsWith(':')) {
      if (got === '') return false;
      params[want.slice(1)] = got;
    } else if (got.toLowerCase() !== want) return false;
  }
  return true;
}

/** The parameters decoded as express decodes them; `undefined` (express's own error) for a malformed one. */
function decoded(params: Params): Params | undefined {
  try {
    for (const k of Object.keys(params)) params[k] = decodeURIComponent(params[k]);
    return params;
  } catch {
    return undefined;
  }
}

function isDirect(name: HttpOperationName, route: HttpRoute): boolean {
  return route.method !== 'GET' && !route.fileBody && !isDownload(operations[name]);
}

/** Whether the body is one express's JSON parser reads as it arrives, within the route's limit. */
function plainBody(req: IncomingMessage, route: HttpRoute): boolean {
  const h = req.headers;
  if (h['transfer-encoding'] !== undefined) return false;
  if (h['content-encoding'] !== undefined && h['content-encoding'].toLowerCase() !== 'identity') return false;
  const length = h['content-length'];
  if (length === undefined || length === '0') return true;
  if (!/^\d{1,9}$/.test(length) || Number(length) > (route.largeJson ? LARGE_JSON_BYTES : SMALL_JSON_BYTES)) return false;
  return h['content-type'] !== undefined && PLAIN_JSON.test(h['content-type']);
}

/** What express's JSON parser makes of the bytes (strict: an object or an array; nothing at all is {}). */
function parseJson(bytes: Buffer): unknown {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  const first = /^[\x20\x09\x0a\x0d]*(.|$)/s.exec(text)![1];
  if (first !== '{' && first !== '[') throw new QueueError('invalid-payload');
  try {
    return JSON.parse(text);
  } catch {
    throw new QueueError('invalid-payload');
  }
}

/**
 * The handler to put before express: it answers a request it serves and returns true, or
 * returns false having touched nothing, for express to take it.
 * `securityHeaders`: the headers express's pages and answers carry (security-headers.ts).
 * `oneAtATime`: the operations that wait for their turn of the loop in express.
 */
export function directCommands(
  ctx: AppContext,
  sides: NetworkSides,
  securityHeaders: readonly [string, string][],
  oneAtATime: readonly HttpOperationName[],
): (req: IncomingMessage, res: ServerResponse) => boolean {
  // Express tries every fixed path before any with a parameter (routeOrder), so a fixed path
  // is one look-up; the rest are tried in express's order.
  const fixed = new Map<string, Entry>();
  const withParams = new Map<string, Entry[]>();
  for (const name of routeOrder) {
    const route = httpRoute(name);
    const entry: Entry = { name, route, segments: route.path.slice(1).split('/').map((s) => (s.startsWith(':') ? s : s.toLowerCase())), direct: isDirect(name, route) };
    if (!route.path.includes(':')) fixed.set(`${route.method} ${route.path.toLowerCase()}`, entry);
    else {
      const list = withParams.get(route.method) ?? [];
      list.push(entry);
      withParams.set(route.method, list);
    }
  }
  const securityHeaderList = securityHeaders.flat();
  // Express waits for the turn of everything under these paths (app.use matches a prefix).
  const turnPrefixes = oneAtATime.map((name) => `/api${httpRoute(name).path.toLowerCase()}`);
  const waitsItsTurn = (path: string) => turnPrefixes.some((p) => path.startsWith(p) && (path.length === p.length || path[p.length] === '/'));

  const answer = (res: ServerResponse, status: number, body: unknown, close: boolean) => {
    const text = JSON.stringify(body ?? null);
    const headers = securityHeaderList.concat('Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(Buffer.byteLength(text)));
    if (close) headers.push('Connection', 'close');
    res.writeHead(status, headers).end(text);
  };
  const refuse = (res: ServerResponse, err: unknown, close: boolean) => {
    const body = toErrorBody(err, ctx.logger);
    answer(res, errorMessages[body.code].http, body, close);
  };

  /** The entry express would run for this request and its raw parameters, if it is one served here. */
  const find = (req: IncomingMessage): { entry: Entry; params: Params; path: string } | undefined => {
    const method = req.method ?? '';
    const url = req.url ?? '';
    if (url.length < 5 || url[0] !== '/' || url.slice(1, 5).toLowerCase() !== 'api/') return undefined;
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (waitsItsTurn(path.toLowerCase())) return undefined;
    const under = path.length > 5 && path.endsWith('/') ? path.slice(4, -1) : path.slice(4);
    const known = fixed.get(`${method} ${under.toLowerCase()}`);
    if (known) return known.direct ? { entry: known, params: {}, path } : undefined;
    const segments = path.slice(5).split('/');
    for (const entry of withParams.get(method) ?? []) {
      const params: Params = {};
      if (matches(entry, segments, params)) return entry.direct ? { entry, params, path } : undefined;
    }
    return undefined;
  };

  return (req, res) => {
    const found = find(req);
    if (!found) return false;
    const { entry, params, path } = found;
    const { name, route } = entry;
    const token = bearer(req);
    if (!token || !plainBody(req, route)) return false;
    if (sides.isPublic(req) && !(servedOnPublicSide(req.method!, path) && publicCallerAdmitted(ctx, token))) return false;
    const decodedParams = decoded(params);
    if (!decodedParams) return false;

    let caller;
    try {
      caller = authorizeCall(ctx, name, route, req, decodedParams);
    } catch (err) {
      refuse(res, err, true);
      return true;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      Promise.resolve()
        .then(() => {
          const input = { ...bodyInput(parseJson(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))), ...pathInput(route, decodedParams) };
          return perform(ctx, name, { who: caller.who, ...(caller.token ? { token: caller.token } : {}), from: req.socket.remoteAddress ?? 'unknown', input });
        })
        .then(
          (result) => answer(res, answerStatus(route, result), result, false),
          (err) => refuse(res, err, false),
        );
    });
    return true;
  };
}

/** The citizens' side lets in devices and phones only; a token that names no one is refused later, as in express. */
function publicCallerAdmitted(ctx: AppContext, token: string): boolean {
  try {
    return admittedOnPublicSide(ctx.auth.principal(token));
  } catch {
    return true;
  }
}
