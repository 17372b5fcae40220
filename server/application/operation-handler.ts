// What the registry's operations become on the server: one handler per name, which gets the
// validated input and who is asking, and answers the registry's result type. A transport
// authorises the caller (server/auth/authorize.ts) before any handler runs.
import type { Readable } from 'node:stream';
import type { OperationName, ParsedInputOf, ResultOf } from '@protocol/api';
import type { Principal } from '@protocol/events';
import type { FileDownload } from '@protocol/operation';
import type { AppContext } from './context';

export interface Call<K extends OperationName> {
  who: Principal;
  token?: string;
  /** Where the call came from (an address), for the sign-in throttle and the audit. */
  from: string;
  input: ParsedInputOf<K>;
  /** The uploaded file of an operation whose body is one. */
  file?: Buffer;
  /** The upload as it arrives, for an operation whose file body is streamed. */
  upload?: Readable;
}

/** A download's answer: bytes made for it, or a file in the data folder. */
export type SentFile =
  | { bytes: Buffer | string; contentType: string; attachmentName?: string; cacheControl?: string; headers?: Record<string, string> }
  | { path: string; attachmentName?: string; removeAfterSending?: boolean };

/**
 * An answer already written as JSON, in the thread that built it (a year's report is
 * megabytes of JSON): the transport sends these bytes with their ETag as they are, instead of
 * the queue's thread receiving the object, serialising, encoding and hashing it again.
 */
export class JsonBytes<T> {
  declare private readonly of: T;
  constructor(
    readonly bytes: Uint8Array,
    readonly etag: string,
  ) {}
}

export type Answer<K extends OperationName> = ResultOf<K> extends FileDownload ? SentFile : ResultOf<K> | JsonBytes<ResultOf<K>>;

export type Handler<K extends OperationName> = (ctx: AppContext, call: Call<K>) => Promise<Answer<K>> | Answer<K>;

/** The handlers of some operations; the full map (handlers.ts) must name every one. */
export type Handlers<Names extends OperationName> = { [K in Names]: Handler<K> };
