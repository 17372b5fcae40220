// The shape of one entry of the registry (protocol/api.ts): what it takes, what it answers,
// who may call it, and where it lives over HTTP and on the socket.
import type { z } from 'zod';
import type { ErrorCode } from './errors';
import type { Permission } from './permissions';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRoute {
  method: HttpMethod;
  /**
   * Under /api. Each `:name` segment is the input's field of that name (see pathParams); a
   * GET's other fields come from the query string, another method's from the JSON body.
   */
  path: `/${string}`;
  /** Status of a success; 200 unless given. */
  status?: 201;
  /** The status of an answer `{ ok: false, … }` that is a refusal with details, not an error. */
  notOkStatus?: 422;
  /**
   * The request body is a file (sent raw) of at most this many bytes, not JSON; streamed: the
   * handler reads it as it arrives (a restore's archive) rather than whole from memory.
   */
  fileBody?: { maxBytes: number; streamed?: true };
  /** A JSON body of up to 512 kB (the configuration, an account with its photo); every other is 32 kB at most. */
  largeJson?: true;
  /**
   * Also served on the citizens' side (QMS_PUBLIC_LISTEN): what the hall's devices and phones
   * call. Every other route answers not-found there.
   */
  hall?: true;
}

/** Permission: the centre's table; another server's registry (the city's) names its own. */
export interface Operation<Input extends z.ZodType = z.ZodType, Result = unknown, P extends string = Permission> {
  /** Everything the caller sends: path segments, query or body, socket payload. Validated before anything runs. */
  input: Input;
  /** What a success answers (a type only; see `returns`). */
  result: Result;
  permission: P;
  /** The code a failed validation answers; invalid-payload unless given. */
  invalidInput?: 'invalid-config';
  http?: HttpRoute;
  /** Also a socket.io event of the same name, answered through its ack. */
  socket?: true;
  /**
   * Also answers a session whose password must change first (signing out, changing it), which
   * every other operation refuses with password-change-required; its caller counts as public.
   */
  beforePasswordChange?: true;
}

/** Any server's registry of operations, for what works on each (the apps' typed HTTP client). */
export type Registry = Record<string, Operation<z.ZodType, unknown, string>>;

/** The result type of an operation, written where a value is expected: `result: returns<Report>()`. */
export function returns<Result>(): Result {
  return undefined as Result;
}

/** The answer of a download route: a file, not JSON. */
export interface FileDownload {
  readonly download: true;
}

/** The result of a download route, written `result: fileDownload`; unlike `returns`, the HTTP adapter sees it when it runs. */
export const fileDownload: FileDownload = { download: true };

export function isDownload(operation: Operation<z.ZodType, unknown, string>): boolean {
  return operation.result === fileDownload;
}

/**
 * How a path segment becomes an input field, and what a segment that cannot be one answers
 * (/api/counters/abc/next names no counter: unknown-counter, not invalid-payload).
 */
export const pathParams: Record<string, { kind: 'string' } | { kind: 'counter-number'; otherwise: ErrorCode }> = {
  counterId: { kind: 'counter-number', otherwise: 'unknown-counter' },
  ticketId: { kind: 'string' },
  userId: { kind: 'string' },
  deviceId: { kind: 'string' },
  /** A centre, on the city server. */
  id: { kind: 'string' },
  code: { kind: 'string' },
  name: { kind: 'string' },
  key: { kind: 'string' },
};

/** The names of a path's `:segments`, in order. */
export function paramsOf(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1));
}
