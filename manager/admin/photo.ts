// A staff photo for the counter display: cropped square and shrunk in the browser so the
// account keeps a small data: URL (the server accepts at most 300 kB).
const SIZE = 240;
const MAX_CHARS = 290_000;

export type PhotoResult = { ok: true; url: string } | { ok: false; reason: 'unreadable' | 'too-large' };

export async function squarePhoto(file: File): Promise<PhotoResult> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const side = Math.min(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d');
  if (!ctx) return { ok: false, reason: 'unreadable' };
  ctx.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, SIZE, SIZE);
  bitmap.close();
  for (const quality of [0.85, 0.7, 0.5]) {
    const url = canvas.toDataURL('image/jpeg', quality);
    if (url.length <= MAX_CHARS) return { ok: true, url };
  }
  return { ok: false, reason: 'too-large' };
}
