// The spoken call as one WAV. Public, like the numbers on the screens: an <audio> element
// cannot send a token, and a ticket number and a counter number reveal nothing.
import { Router } from 'express';
import { QueueError } from '@protocol/errors';
import type { AppContext } from '../../application/context';
import type { Voice } from '../../devices/speech/voice';
import { sendError } from './handle';

export function voiceRoutes(ctx: AppContext, voice: Voice): Router {
  const r = Router();
  r.get('/voice/call.wav', (req, res) => {
    const label = String(req.query.label ?? '');
    const counter = Number(req.query.counter);
    if (!/^[A-Z]{0,3}\d{1,6}$/.test(label) || !Number.isInteger(counter) || counter < 1 || counter > 999) {
      return sendError(ctx, res, new QueueError('invalid-payload'));
    }
    voice.callAudio(label, counter, ctx.centre.get().voice).then(
      (wav) => {
        res.set({ 'content-type': 'audio/wav', 'cache-control': 'public, max-age=300' });
        res.send(wav);
      },
      (err) => sendError(ctx, res, err),
    );
  });
  return r;
}
