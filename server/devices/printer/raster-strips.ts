// Turns a rendered section of the ticket into the fewest bytes a printer needs:
// white rows become a paper feed (3 bytes) instead of 72 bytes each, and each strip
// of inked rows is cut down to the byte columns that hold ink, placed with a left margin.
import { createBitmap, type Bitmap } from './bitmap';
import { REALTIME_FIRST_BYTE, REALTIME_SECOND_BYTES } from './escpos-commands';

/** An image the printer receives as one GS v 0, `leftDots` from the paper's left edge. */
export interface RasterStrip {
  leftDots: number;
  image: Bitmap;
}

export type StripOrFeed = { kind: 'raster'; strip: RasterStrip } | { kind: 'feed'; dots: number };

/** GS v 0 header (8) + GS L (4) + ESC J (3): what starting a new strip costs in bytes. */
const STRIP_OVERHEAD_BYTES = 15;
/** Cheap printers have small receive buffers; a few KB per command prints reliably. */
const MAX_STRIP_ROWS = 255;

interface RowRun {
  top: number;
  bottom: number; // exclusive
  firstByte: number;
  lastByte: number; // inclusive
}

function inkedRows(img: Bitmap): (RowRun | null)[] {
  const rows: (RowRun | null)[] = [];
  for (let y = 0; y < img.height; y++) {
    let first = -1;
    let last = -1;
    for (let x = 0; x < img.rowBytes; x++) {
      if (img.data[y * img.rowBytes + x] !== 0) {
        if (first < 0) first = x;
        last = x;
      }
    }
    rows.push(first < 0 ? null : { top: y, bottom: y + 1, firstByte: first, lastByte: last });
  }
  return rows;
}

function cost(run: RowRun): number {
  return (run.lastByte - run.firstByte + 1) * (run.bottom - run.top) + STRIP_OVERHEAD_BYTES;
}

function merge(a: RowRun, b: RowRun): RowRun {
  return { top: a.top, bottom: b.bottom, firstByte: Math.min(a.firstByte, b.firstByte), lastByte: Math.max(a.lastByte, b.lastByte) };
}

/** Greedy: grow the current strip by the next inked row (and the blank rows before it)
 *  while that is no dearer than starting a new strip. */
function planStrips(img: Bitmap): RowRun[] {
  const runs: RowRun[] = [];
  let current: RowRun | null = null;
  for (const row of inkedRows(img)) {
    if (!row) continue;
    if (!current) {
      current = row;
      continue;
    }
    const merged = merge(current, row);
    const fits = merged.bottom - merged.top <= MAX_STRIP_ROWS;
    if (fits && cost(merged) <= cost(current) + cost(row)) {
      current = merged;
    } else {
      runs.push(current);
      current = row;
    }
  }
  if (current) runs.push(current);
  return runs;
}

/** A printer acts on real-time commands (DLE EOT/ENQ/DC4) even inside image data: a
 *  stray DLE ENQ 2 would clear its buffer mid-ticket. Dropping the single dot that makes
 *  the DLE byte breaks every such sequence and cannot create a new one. */
export function defuseRealtimeSequences(data: Uint8Array): void {
  for (let i = 0; i + 1 < data.length; i++) {
    if (data[i] === REALTIME_FIRST_BYTE && (REALTIME_SECOND_BYTES as readonly number[]).includes(data[i + 1])) data[i] = 0;
  }
}

function cutStrip(img: Bitmap, run: RowRun, useLeftMargin: boolean): RasterStrip {
  const firstByte = useLeftMargin ? run.firstByte : 0;
  const widthBytes = run.lastByte - firstByte + 1;
  const height = run.bottom - run.top;
  const image = createBitmap(widthBytes * 8, height);
  for (let y = 0; y < height; y++) {
    const from = (run.top + y) * img.rowBytes + firstByte;
    image.data.set(img.data.subarray(from, from + widthBytes), y * widthBytes);
  }
  defuseRealtimeSequences(image.data);
  return { leftDots: firstByte * 8, image };
}

/** The section as feeds and strips, top to bottom; their heights add up to the section's. */
export function stripsOf(img: Bitmap, useLeftMargin: boolean): StripOrFeed[] {
  const out: StripOrFeed[] = [];
  let y = 0;
  for (const run of planStrips(img)) {
    if (run.top > y) out.push({ kind: 'feed', dots: run.top - y });
    out.push({ kind: 'raster', strip: cutStrip(img, run, useLeftMargin) });
    y = run.bottom;
  }
  if (img.height > y) out.push({ kind: 'feed', dots: img.height - y });
  return out;
}
