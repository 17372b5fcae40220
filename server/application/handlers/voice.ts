// The spoken call and the chime, public like the numbers on the screens (an <audio> element
// cannot send a token); and the centre's own voice, clip by clip, for managers: record a
// draft, hear it alone or in a sample call, keep or discard it, go back to the engine's.
import type { Handlers } from '../operation-handler';

const wav = (bytes: Buffer, cacheControl = 'no-store') => ({ bytes, contentType: 'audio/wav', cacheControl });

export const voiceHandlers: Handlers<
  'voice:call' | 'voice:chime' | 'voice:clips' | 'voice:clip-audio' | 'voice:clip-sample' | 'voice:save-draft' | 'voice:discard-draft' | 'voice:keep-draft' | 'voice:revert'
> = {
  'voice:call': async (ctx, { input: { label, counter } }) => wav(await ctx.voice.callAudio(label, counter, ctx.centre.get().voice), 'public, max-age=300'),
  'voice:chime': async (ctx) => wav(await ctx.voice.chimeAudio(), 'public, max-age=300'),
  'voice:clips': (ctx) => ctx.voiceRecordings.list(ctx.centre.get()),
  'voice:clip-audio': async (ctx, { input: { key, draft } }) => wav(await ctx.voiceRecordings.clipAudio(ctx.centre.get(), key, draft ? 'draft' : 'current')),
  'voice:clip-sample': async (ctx, { input: { key, draft } }) => wav(await ctx.voiceRecordings.sampleCall(ctx.centre.get(), key, draft === '1')),
  'voice:save-draft': (ctx, { input: { key }, file }) => ctx.voiceRecordings.saveDraft(ctx.centre.get(), key, file!),
  async 'voice:discard-draft'(ctx, { input: { key } }) {
    await ctx.voiceRecordings.discard(ctx.centre.get(), key);
    return ctx.voiceRecordings.list(ctx.centre.get());
  },
  async 'voice:keep-draft'(ctx, { who, input: { key } }) {
    await ctx.voiceRecordings.keep(ctx.centre.get(), key);
    void ctx.audit.record(who.id, 'voice.recorded', { key });
    return ctx.voiceRecordings.list(ctx.centre.get());
  },
  async 'voice:revert'(ctx, { who, input: { key } }) {
    await ctx.voiceRecordings.revert(ctx.centre.get(), key);
    void ctx.audit.record(who.id, 'voice.reverted', { key });
    return ctx.voiceRecordings.list(ctx.centre.get());
  },
};
