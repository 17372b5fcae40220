// The spoken call as one WAV, and the chime alone. Public, like the numbers on the screens:
// an <audio> element cannot send a token, and a ticket number and a counter number reveal nothing.
// The centre's own voice (recording each clip, hearing it in a sample call, keeping or reverting
// it) is for managers only.
import express, { Router, type Response } from 'express';
import { QueueError } from '@protocol/errors';
import type { AppContext } from '../../application/context';
import { MAX_RECORDING_BYTES, type VoiceRecordings } from '../../devices/speech/voice-recordings';
import type { Voice } from '../../devices/speech/voice';
import { caller, handle, requireRole, sendError } from './handle';

const CLIP_KEY = /^[a-z0-9][a-z0-9-]{0,59}$/;

function clipKey(raw: unknown): string {
  const key = String(raw ?? '');
  if (!CLIP_KEY.test(key)) throw new QueueError('invalid-payload');
  return key;
}

const sendWav = (res: Response, wav: Buffer, cache = 'no-store') => {
  res.set({ 'content-type': 'audio/wav', 'cache-control': cache });
  res.send(wav);
};

export function voiceRoutes(ctx: AppContext, voice: Voice, recordings: VoiceRecordings): Router {
  const r = Router();
  r.get('/voice/call.wav', (req, res) => {
    const label = String(req.query.label ?? '');
    const counter = Number(req.query.counter);
    if (!/^[A-Z]{0,3}\d{1,6}$/.test(label) || !Number.isInteger(counter) || counter < 1 || counter > 999) {
      return sendError(ctx, res, new QueueError('invalid-payload'));
    }
    voice.callAudio(label, counter, ctx.centre.get().voice).then(
      (wav) => sendWav(res, wav, 'public, max-age=300'),
      (err) => sendError(ctx, res, err),
    );
  });
  r.get('/voice/chime.wav', (_req, res) => {
    voice.chimeAudio().then(
      (wav) => sendWav(res, wav, 'public, max-age=300'),
      (err) => sendError(ctx, res, err),
    );
  });

  r.get('/voice/clips', handle(ctx, (_req, c) => (requireRole(c, 'manager'), recordings.list(ctx.centre.get()))));

  const wavRoute = (make: (key: string, draft: boolean) => Promise<Buffer>) => (req: express.Request, res: Response) => {
    Promise.resolve()
      .then(() => {
        requireRole(caller(ctx, req), 'manager');
        return make(clipKey(req.params.key), req.query.draft === '1');
      })
      .then((wav) => sendWav(res, wav), (err) => sendError(ctx, res, err));
  };
  r.get('/voice/clips/:key/audio.wav', wavRoute((key, draft) => recordings.clipAudio(ctx.centre.get(), key, draft ? 'draft' : 'current')));
  r.get('/voice/clips/:key/sample.wav', wavRoute((key, draft) => recordings.sampleCall(ctx.centre.get(), key, draft)));

  r.post(
    '/voice/clips/:key/draft',
    // Who is asking is checked before the body is read.
    (req, res, next) => {
      try {
        requireRole(caller(ctx, req), 'manager');
        next();
      } catch (err) {
        sendError(ctx, res, err);
      }
    },
    express.raw({ type: () => true, limit: MAX_RECORDING_BYTES }),
    handle(ctx, async (req) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new QueueError('invalid-payload');
      return recordings.saveDraft(ctx.centre.get(), clipKey(req.params.key), req.body);
    }),
  );
  r.delete(
    '/voice/clips/:key/draft',
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      await recordings.discard(ctx.centre.get(), clipKey(req.params.key));
      return recordings.list(ctx.centre.get());
    }),
  );
  r.post(
    '/voice/clips/:key/keep',
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      const key = clipKey(req.params.key);
      await recordings.keep(ctx.centre.get(), key);
      void ctx.audit.record(c.who.id, 'voice.recorded', { key });
      return recordings.list(ctx.centre.get());
    }),
  );
  r.delete(
    '/voice/clips/:key',
    handle(ctx, async (req, c) => {
      requireRole(c, 'manager');
      const key = clipKey(req.params.key);
      await recordings.revert(ctx.centre.get(), key);
      void ctx.audit.record(c.who.id, 'voice.reverted', { key });
      return recordings.list(ctx.centre.get());
    }),
  );
  return r;
}
