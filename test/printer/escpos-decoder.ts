// Plays the printer: turns ESC/POS bytes back into the dots the paper would get, to check
// that what we send is the image we rendered. It knows the commands this project sends
// and fails on anything else. The printer's own QR symbol and font A glyphs come from
// the same models the preview uses; positions, sizes and feeds come from the bytes.
import { createBitmap, drawBitmap, type Bitmap } from '../../server/devices/printer/bitmap';
import { paintFontAText, paintQr } from '../../server/devices/printer/printer-drawn-symbols';
import { parseAll } from './escpos-stream';

export interface DecodedTicket {
  image: Bitmap;
  /** Number of GS V commands. */
  cuts: number;
  /** DLE EOT requests seen in the stream. */
  statusRequests: number;
}

const DEFAULT_LINE_SPACING = 30;
const QR_LEVELS: Record<number, 'L' | 'M' | 'Q' | 'H'> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

export function decodeEscPos(bytes: Buffer, paperWidthDots: number): DecodedTicket {
  let paper = createBitmap(paperWidthDots, 4096);
  let y = 0;
  let cuts = 0;
  let statusRequests = 0;
  let align = 0;
  let margin = 0;
  let charWidth = 1;
  let charHeight = 1;
  let lineSpacing = DEFAULT_LINE_SPACING;
  let line = '';
  const qr = { moduleDots: 3, level: 'L' as 'L' | 'M' | 'Q' | 'H', data: '' };

  const grow = (needed: number) => {
    if (needed <= paper.height) return;
    const bigger = createBitmap(paperWidthDots, Math.max(needed, paper.height * 2));
    bigger.data.set(paper.data);
    paper = bigger;
  };
  const printLine = () => {
    if (line) {
      if (align !== 1) throw new Error('decoder models centred font A text only');
      if (charWidth !== charHeight) throw new Error('decoder models square magnification only');
      grow(y + 24 * charHeight);
      paintFontAText(paper, line, charWidth, y, margin, paperWidthDots - margin);
    }
    y += Math.max(lineSpacing, line ? 24 * charHeight : 0);
    line = '';
  };

  for (const { command: c } of parseAll(bytes)) {
    switch (c.op) {
      case 'ESC @':
        align = 0;
        margin = 0;
        charWidth = charHeight = 1;
        lineSpacing = DEFAULT_LINE_SPACING;
        line = '';
        break;
      case 'text':
        line += c.bytes.toString('latin1');
        break;
      case 'LF':
        printLine();
        break;
      case 'ESC a':
        align = c.n;
        break;
      case 'ESC E':
      case 'ESC M':
        break;
      case 'ESC 2':
        lineSpacing = DEFAULT_LINE_SPACING;
        break;
      case 'ESC 3':
        lineSpacing = c.n;
        break;
      case 'ESC J':
        if (line) throw new Error('decoder expects text to end with LF');
        y += c.n;
        break;
      case 'GS !':
        charWidth = ((c.n >> 4) & 7) + 1;
        charHeight = (c.n & 7) + 1;
        break;
      case 'GS L':
        margin = c.dots;
        break;
      case 'GS v 0': {
        if (align !== 0) throw new Error('raster images are expected left-justified');
        if (margin + c.widthBytes * 8 > paperWidthDots) throw new Error(`raster ${c.widthBytes * 8} dots at margin ${margin} is wider than the paper`);
        grow(y + c.height);
        drawBitmap(paper, { width: c.widthBytes * 8, height: c.height, rowBytes: c.widthBytes, data: c.data }, margin, y);
        y += c.height;
        break;
      }
      case 'GS ( k':
        if (c.cn !== 0x31) throw new Error(`GS ( k cn=${c.cn} is not QR`);
        if (c.fn === 0x43) qr.moduleDots = c.params[0];
        else if (c.fn === 0x45) qr.level = QR_LEVELS[c.params[0]];
        else if (c.fn === 0x50) qr.data = c.params.subarray(1).toString('utf8');
        else if (c.fn === 0x51) {
          grow(y + 200 * qr.moduleDots);
          y += paintQr(paper, qr.data, qr.moduleDots, qr.level, y, margin, paperWidthDots - margin);
        }
        break;
      case 'GS V':
        cuts++;
        break;
      case 'DLE EOT':
        statusRequests++;
        break;
    }
  }
  const image = createBitmap(paperWidthDots, y);
  image.data.set(paper.data.subarray(0, image.data.length));
  return { image, cuts, statusRequests };
}
