// The ticket as paper would show it, painted from the same blocks that become the bytes:
// the PNG the file printer writes and the reference the tests compare against.
import { createBitmap, drawBitmap, type Bitmap } from './bitmap';
import { paintFontAText, paintQr } from './printer-drawn-symbols';
import { blockHeight, type TicketLayout } from './ticket-layout';

export function paintTicket(layout: TicketLayout): Bitmap {
  const height = layout.blocks.reduce((h, b) => h + blockHeight(b), 0);
  const paper = createBitmap(layout.widthDots, height);
  let y = 0;
  for (const b of layout.blocks) {
    if (b.kind === 'raster') drawBitmap(paper, b.strip.image, b.strip.leftDots, y);
    else if (b.kind === 'font-a-text') paintFontAText(paper, b.text, b.times, y, 0, layout.widthDots);
    else if (b.kind === 'qr') paintQr(paper, b.data, b.moduleDots, b.level, y, 0, layout.widthDots);
    y += blockHeight(b);
  }
  return paper;
}
