// The ticket's typeface comes from the npm package, never from the machine: a kiosk PC's
// system fonts differ, and most lack Vietnamese glyphs or draw them differently.
import { GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';

/** One family for both subsets: the shaper takes each character from whichever
 *  registered face of the family has it ("S" from latin, "ố" from vietnamese). */
export const TICKET_FONT_FAMILY = 'QMS Ticket Be Vietnam Pro';

let registered = false;

export function ensureTicketFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  for (const subset of ['latin', 'vietnamese']) {
    for (const weight of [400, 700]) {
      const file = require.resolve(`@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-${weight}-normal.woff2`);
      if (!GlobalFonts.registerFromPath(file, TICKET_FONT_FAMILY)) throw new Error(`cannot load ticket font ${file}`);
    }
  }
  registered = true;
}

export function ticketFont(weight: 400 | 700, sizePx: number): string {
  return `${weight} ${sizePx}px "${TICKET_FONT_FAMILY}"`;
}
