// Reviewed pictures of the sample centre's tickets, committed next to this file. After a
// deliberate change to the ticket, regenerate with
//   npx tsx test/printer/update-reference-tickets.ts
// and look at every changed PNG before committing it.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bitmapFromCanvas, type Bitmap } from '../../server/devices/printer/bitmap';

export const REFERENCE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference');

export function referencePngPath(name: string): string {
  return path.join(REFERENCE_DIR, `${name}.png`);
}

export async function loadPngBitmap(file: string): Promise<Bitmap> {
  const img = await loadImage(await readFile(file));
  const canvas = createCanvas(img.width, img.height);
  canvas.getContext('2d').drawImage(img, 0, 0);
  return bitmapFromCanvas(canvas);
}
