// The registry as one map, and the types every side derives from it: the socket.io event map
// the apps and the server share, each operation's input and result, and which operations
// live on which transport.
import type { z } from 'zod';
import { commands } from './commands';
import type { AckFn } from './events';
import type { FileDownload, HttpRoute } from './operation';
import { queries } from './queries';

export const operations = { ...commands, ...queries };

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller sends. */
export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>;
/** What the server's handler gets once the input is validated (defaults filled in, text read as numbers). */
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>;
export type ResultOf<K extends OperationName> = Operations[K]['result'];

type NamesWhere<Condition> = { [K in OperationName]: Operations[K] extends Condition ? K : never }[OperationName];

export type SocketOperationName = NamesWhere<{ socket: true }>;
export type HttpOperationName = NamesWhere<{ http: HttpRoute }>;
/** HTTP operations that answer JSON and take JSON (or nothing): what `request` sends. */
export type JsonOperationName = Exclude<NamesWhere<{ http: HttpRoute }>, NamesWhere<{ result: FileDownload }> | NamesWhere<{ http: { fileBody: object } }>>;
export type DownloadName = NamesWhere<{ result: FileDownload }>;
export type UploadName = NamesWhere<{ http: { fileBody: object } }>;

/** Every command and query a socket may send, answered through its ack. */
export type ClientToServerEvents = { [K in SocketOperationName]: (payload: InputOf<K>, ack: AckFn<ResultOf<K>>) => void };

export const operationNames = Object.keys(operations) as OperationName[];
export const socketOperationNames = operationNames.filter((name) => 'socket' in operations[name]) as SocketOperationName[];
export const httpOperationNames = operationNames.filter((name) => 'http' in operations[name]) as HttpOperationName[];

/** The HTTP route of an operation that has one. */
export function httpRoute(name: HttpOperationName): HttpRoute {
  return (operations[name] as { http: HttpRoute }).http;
}
