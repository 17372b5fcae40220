// A 1-bit image packed the way ESC/POS raster commands carry it: 8 dots per byte,
// most significant bit leftmost, 1 = black dot. Keeping this one layout everywhere means
// the bytes sent to the printer are slices of the image, not a conversion of it.
import { createCanvas, type Canvas } from '@napi-rs/canvas';

export interface Bitmap {
  width: number;
  height: number;
  rowBytes: number;
  data: Uint8Array;
}

export function createBitmap(width: number, height: number): Bitmap {
  const rowBytes = Math.ceil(width / 8);
  return { width, height, rowBytes, data: new Uint8Array(rowBytes * height) };
}

export function getDot(b: Bitmap, x: number, y: number): boolean {
  return (b.data[y * b.rowBytes + (x >> 3)] & (0x80 >> (x & 7))) !== 0;
}

export function setDot(b: Bitmap, x: number, y: number): void {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return;
  b.data[y * b.rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
}

export function fillRect(b: Bitmap, x: number, y: number, w: number, h: number): void {
  for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) setDot(b, xx, yy);
}

/** Copies `src` into `dst` at (x, y) by OR-ing dots, as a printer lays ink on paper. */
export function drawBitmap(dst: Bitmap, src: Bitmap, x: number, y: number): void {
  for (let yy = 0; yy < src.height; yy++) {
    for (let xx = 0; xx < src.width; xx++) if (getDot(src, xx, yy)) setDot(dst, x + xx, y + yy);
  }
}

/** Dark enough to be a dot. Slightly above mid-grey so thin anti-aliased strokes of the
 *  regular weight survive on a printer that cannot print grey. */
const INK_LUMINANCE_BELOW = 150;

export function bitmapFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Bitmap {
  const b = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const alpha = rgba[i + 3] / 255;
      // Transparent counts as paper (white).
      const lum = (0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]) * alpha + 255 * (1 - alpha);
      if (lum < INK_LUMINANCE_BELOW) b.data[y * b.rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return b;
}

export function bitmapFromCanvas(canvas: Canvas): Bitmap {
  const ctx = canvas.getContext('2d');
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return bitmapFromRgba(img.data, canvas.width, canvas.height);
}

function bitmapToCanvas(b: Bitmap): Canvas {
  const canvas = createCanvas(b.width, Math.max(1, b.height));
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(b.width, Math.max(1, b.height));
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      const v = getDot(b, x, y) ? 0 : 255;
      const i = (y * b.width + x) * 4;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
      img.data[i + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}

export function bitmapToPng(b: Bitmap): Buffer {
  return bitmapToCanvas(b).toBuffer('image/png');
}

/** Number of dots that differ; images of different sizes differ everywhere. */
export function countDifferentDots(a: Bitmap, b: Bitmap): number {
  if (a.width !== b.width || a.height !== b.height) return Math.max(a.width * a.height, b.width * b.height);
  let n = 0;
  for (let i = 0; i < a.data.length; i++) {
    let x = a.data[i] ^ b.data[i];
    while (x) {
      n += x & 1;
      x >>= 1;
    }
  }
  return n;
}
