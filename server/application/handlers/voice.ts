import type { Handlers } from '../operation-handler';

export const voiceHandlers: Handlers<'voice:call'> = {
  async 'voice:call'(ctx, { input: { label, counter } }) {
    const wav = await ctx.voice.callAudio(label, counter, ctx.centre.get().voice);
    return { bytes: wav, contentType: 'audio/wav', cacheControl: 'public, max-age=300' };
  },
};
