// The registry as one map, and the types every side derives from it: the socket.io event map
// the apps and the server share, each operation's input and result, and which operations
// live on which transport.
import type { z } from 'zod';
import { commands } from './commands';
import type { AckFn } from './events';
import type { FileDownload, HttpRoute, Registry } from './operation';
import { queries } from './queries';

export const operations = { ...commands, ...queries };

export type Operations = typeof operations;
export type OperationName = keyof Operations;

// What works on any registry (the centre's here, the city's in city-api.ts).
export type InputIn<R extends Registry, K extends keyof R> = z.input<R[K]['input']>;
export type ResultIn<R extends Registry, K extends keyof R> = R[K]['result'];
type NamesIn<R extends Registry, Condition> = { [K in keyof R]: R[K] extends Condition ? K : never }[keyof R] & string;
export type HttpNameIn<R extends Registry> = NamesIn<R, { http: HttpRoute }>;
/** HTTP operations that answer JSON and take JSON (or nothing): what `request` sends. */
export type JsonNameIn<R extends Registry> = Exclude<HttpNameIn<R>, NamesIn<R, { result: FileDownload }> | NamesIn<R, { http: { fileBody: object } }>>;
export type DownloadNameIn<R extends Registry> = Extract<HttpNameIn<R>, NamesIn<R, { result: FileDownload }>>;
export type UploadNameIn<R extends Registry> = Extract<HttpNameIn<R>, NamesIn<R, { http: { fileBody: object } }>>;

/** What a caller sends. */
export type InputOf<K extends OperationName> = InputIn<Operations, K>;
/** What the server's handler gets once the input is validated (defaults filled in, text read as numbers). */
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>;
export type ResultOf<K extends OperationName> = ResultIn<Operations, K>;

export type SocketOperationName = NamesIn<Operations, { socket: true }>;
export type HttpOperationName = HttpNameIn<Operations>;
export type JsonOperationName = JsonNameIn<Operations>;
export type DownloadName = DownloadNameIn<Operations>;
export type UploadName = UploadNameIn<Operations>;

/** Every command and query a socket may send, answered through its ack. */
export type ClientToServerEvents = { [K in SocketOperationName]: (payload: InputOf<K>, ack: AckFn<ResultOf<K>>) => void };

export const operationNames = Object.keys(operations) as OperationName[];
export const socketOperationNames = operationNames.filter((name) => 'socket' in operations[name]) as SocketOperationName[];
export const httpOperationNames = operationNames.filter((name) => 'http' in operations[name]) as HttpOperationName[];

/** The HTTP route of an operation that has one. */
export function httpRoute(name: HttpOperationName): HttpRoute {
  return routeIn(operations, name);
}

export function routeIn<R extends Registry>(registry: R, name: HttpNameIn<R>): HttpRoute {
  return (registry[name] as { http: HttpRoute }).http;
}
