// The ESC/POS bytes for a ticket: a pure function of the job, so tests decode exactly
// what a printer would receive and the adapters only move bytes.
import { characterSize, ESCPOS, feedAndCut, feedDots, FONT_A_CELL, leftMargin, lineSpacing, qrCode, rasterImage } from './escpos-commands';
import type { TicketPrintJob } from './ticket-job';
import { layoutTicket, type TicketLayout, type TicketLayoutOptions } from './ticket-layout';

export function escposFromLayout(layout: TicketLayout): Buffer {
  const out: Buffer[] = [ESCPOS.INIT, ESCPOS.ALIGN_LEFT];
  let margin = 0;
  const setMargin = (dots: number) => {
    if (dots !== margin) out.push(leftMargin(dots));
    margin = dots;
  };
  for (const b of layout.blocks) {
    switch (b.kind) {
      case 'feed':
        out.push(feedDots(b.dots));
        break;
      case 'raster':
        setMargin(b.strip.leftDots);
        out.push(rasterImage(b.strip.image.rowBytes, b.strip.image.height, b.strip.image.data));
        break;
      case 'font-a-text':
        // Centring is measured from the left margin, so it goes back to 0 first.
        setMargin(0);
        out.push(
          ESCPOS.ALIGN_CENTER,
          ESCPOS.FONT_A,
          ESCPOS.BOLD_ON,
          characterSize(b.times, b.times),
          // Line spacing = the magnified cell, so LF advances by exactly the text height.
          lineSpacing(FONT_A_CELL.height * b.times),
          Buffer.from(b.text, 'ascii'),
          ESCPOS.LF,
          ESCPOS.SIZE_NORMAL,
          ESCPOS.BOLD_OFF,
          ESCPOS.LINE_SPACING_DEFAULT,
          ESCPOS.ALIGN_LEFT,
        );
        break;
      case 'qr':
        setMargin(0);
        out.push(ESCPOS.ALIGN_CENTER, qrCode(b.data, b.moduleDots, b.level), ESCPOS.ALIGN_LEFT);
        break;
    }
  }
  // Leave no margin behind for software that prints next without ESC @.
  setMargin(0);
  out.push(feedAndCut());
  return Buffer.concat(out);
}

export function buildTicketBytes(job: TicketPrintJob, options: TicketLayoutOptions = {}): Buffer {
  return escposFromLayout(layoutTicket(job, options));
}
