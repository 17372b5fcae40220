// Models of what the printer draws itself from a short command: the QR symbol (GS ( k)
// and text in its built-in font A (GS !). The preview PNG and the test decoder both paint
// them this way, so the preview shows the same layout the paper gets. The QR model is
// exact up to the mask pattern the firmware picks; the glyphs are our face in the
// printer's cell, since each printer's ROM font looks a little different.
import { createCanvas } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { bitmapFromCanvas, drawBitmap, fillRect, type Bitmap } from './bitmap';
import { FONT_A_CELL, type QrErrorLevel } from './escpos-commands';
import { ensureTicketFonts, ticketFont } from './ticket-fonts';

/** The symbol a model-2 printer makes: the smallest version that holds the data in byte
 *  mode at this level (firmware does not split data into numeric/alphanumeric segments). */
export function qrMatrix(data: string, level: QrErrorLevel): { size: number; dark(row: number, col: number): boolean } {
  const qr = QRCode.create([{ mode: 'byte', data: Buffer.from(data, 'utf8') }], { errorCorrectionLevel: level });
  return { size: qr.modules.size, dark: (r, c) => qr.modules.get(r, c) === 1 };
}

/** Paints the symbol centred in [areaLeft, areaLeft + areaWidth) from `top`; returns its height. */
export function paintQr(target: Bitmap, data: string, moduleDots: number, level: QrErrorLevel, top: number, areaLeft: number, areaWidth: number): number {
  const m = qrMatrix(data, level);
  const side = m.size * moduleDots;
  const left = areaLeft + Math.floor((areaWidth - side) / 2);
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) if (m.dark(r, c)) fillRect(target, left + c * moduleDots, top + r * moduleDots, moduleDots, moduleDots);
  }
  return side;
}

export function fontATextWidth(text: string, times: number): number {
  return text.length * FONT_A_CELL.width * times;
}

/** Paints `text` as the printer would in font A magnified `times` × `times`, centred;
 *  returns its height. */
export function paintFontAText(target: Bitmap, text: string, times: number, top: number, areaLeft: number, areaWidth: number): number {
  ensureTicketFonts();
  const cellW = FONT_A_CELL.width * times;
  const cellH = FONT_A_CELL.height * times;
  const canvas = createCanvas(Math.max(1, cellW * text.length), cellH);
  const ctx = canvas.getContext('2d');
  ctx.lang = 'en';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  // Font A glyphs are narrow (12 × 24 cell) with capitals about three quarters of the cell
  // high, on a baseline a fifth above the bottom: our face is sized and squeezed to match.
  ctx.font = ticketFont(700, cellH);
  const capHeight = ctx.measureText('0').actualBoundingBoxAscent;
  ctx.font = ticketFont(700, Math.round((cellH * cellH * 0.72) / capHeight));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  [...text].forEach((ch, i) => {
    const squeeze = Math.min(1, (cellW * 0.84) / ctx.measureText(ch).width);
    ctx.save();
    ctx.translate(i * cellW + cellW / 2, Math.round(cellH * 0.8));
    ctx.scale(squeeze, 1);
    ctx.fillText(ch, 0, 0);
    ctx.restore();
  });
  const left = areaLeft + Math.floor((areaWidth - canvas.width) / 2);
  drawBitmap(target, bitmapFromCanvas(canvas), left, top);
  return cellH;
}
