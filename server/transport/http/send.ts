// Answers over HTTP: JSON with the registry's status, a file, or the error body
// { code, message, messageVi, details? } with the status its code maps to.
import { rm } from 'node:fs/promises';
import type { Response } from 'express';
import { errorMessages } from '@protocol/errors';
import type { HttpRoute } from '@protocol/operation';
import type { AppContext } from '../../application/context';
import { JsonBytes, type SentFile } from '../../application/operation-handler';
import { toErrorBody } from '../errors';

export function sendError(ctx: AppContext, res: Response, err: unknown): void {
  const body = toErrorBody(err, ctx.logger);
  res.status(errorMessages[body.code].http).json(body);
}

/** The registry's status of an answer: its route's, or notOkStatus for `{ ok: false, … }`. */
export function answerStatus(route: HttpRoute, body: unknown): number {
  const refused = route.notOkStatus !== undefined && typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === false;
  return refused ? route.notOkStatus! : (route.status ?? 200);
}

export function sendJson(res: Response, route: HttpRoute, body: unknown): void {
  if (body instanceof JsonBytes) {
    res.status(route.status ?? 200).type('application/json').set('etag', body.etag);
    res.send(Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength));
    return;
  }
  res.status(answerStatus(route, body)).json(body ?? null);
}

export function sendFile(ctx: AppContext, res: Response, file: SentFile): void {
  if ('path' in file) {
    res.download(file.path, file.attachmentName ?? file.path.split('/').pop()!, (err) => {
      if (err && !res.headersSent) sendError(ctx, res, err);
      if (file.removeAfterSending) void rm(file.path, { force: true });
    });
    return;
  }
  res.set('content-type', file.contentType);
  if (file.attachmentName) res.set('content-disposition', `attachment; filename="${file.attachmentName}"`);
  if (file.cacheControl) res.set('cache-control', file.cacheControl);
  if (file.headers) res.set(file.headers);
  res.send(file.bytes);
}
