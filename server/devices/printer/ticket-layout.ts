// Lays a ticket out as blocks the printer receives one after another: raster strips of
// our own Vietnamese text, paper feeds, the number in the printer's own font, its own QR.
// Text goes as raster because ordinary ESC/POS printers have no Vietnamese code page.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { bitmapFromCanvas, createBitmap, type Bitmap } from './bitmap';
import { FONT_A_CELL, type QrErrorLevel } from './escpos-commands';
import { fontATextWidth, paintQr, qrMatrix } from './printer-drawn-symbols';
import { stripsOf, type StripOrFeed } from './raster-strips';
import type { TicketPrintJob } from './ticket-job';
import { ensureTicketFonts, ticketFont } from './ticket-fonts';
import { countersHeading, formatIssuedAt, priorityLine, TICKET_FOOTER, TICKET_TITLE, ticketText, waitEstimateLine, waitingAheadLine } from './ticket-text';

export type TicketBlock =
  | StripOrFeed
  | { kind: 'font-a-text'; text: string; times: number }
  | { kind: 'qr'; data: string; moduleDots: number; level: QrErrorLevel };

/** Compatibility switches for printers that lack a command; the defaults are smallest. */
export interface TicketLayoutOptions {
  /** 'printer' = GS ( k; 'raster' = dots, for printers without QR support. */
  qr?: 'printer' | 'raster';
  /** 'printer' = built-in font A magnified (when the label is plain ASCII); 'raster' = our face. */
  number?: 'printer' | 'raster';
  /** true = place strips with GS L; false = send leading blank bytes, for printers that ignore GS L. */
  leftMargin?: boolean;
}

export interface TicketLayout {
  widthDots: number;
  blocks: TicketBlock[];
}

const QR_LEVEL: QrErrorLevel = 'M';
const SIDE_MARGIN_DOTS = 16;

type SectionItem =
  | { kind: 'text'; text: string; weight: 400 | 700; size: number; gapBefore?: number }
  | { kind: 'rule'; widthFraction: number; thickness: number; gapBefore?: number };

interface PlacedLine {
  text: string;
  font: string;
  baseline: number;
}

function greedyWrap(ctx: SKRSContext2D, words: string[], maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Wraps into as few lines as greedy wrapping needs, but evens their lengths out, so a
 *  long field name does not leave one word alone on its last line. */
function wrap(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const greedy = greedyWrap(ctx, words, maxWidth);
  if (greedy.length < 2) return greedy;
  let lo = 1;
  let hi = Math.ceil(maxWidth);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (greedyWrap(ctx, words, mid).length <= greedy.length) hi = mid;
    else lo = mid + 1;
  }
  return greedyWrap(ctx, words, lo);
}

/** Renders centred text lines and rules on white, paper-wide, then to 1-bit. */
function renderSection(items: SectionItem[], width: number): Bitmap {
  ensureTicketFonts();
  const measure = createCanvas(1, 1).getContext('2d');
  const lines: PlacedLine[] = [];
  const rules: { y: number; w: number; h: number }[] = [];
  let y = 0;
  for (const item of items) {
    y += item.gapBefore ?? 0;
    if (item.kind === 'rule') {
      rules.push({ y, w: Math.round(width * item.widthFraction), h: item.thickness });
      y += item.thickness;
      continue;
    }
    const font = ticketFont(item.weight, item.size);
    measure.font = font;
    for (const text of wrap(measure, ticketText(item.text), width - 2 * SIDE_MARGIN_DOTS)) {
      // Line box tall enough for stacked Vietnamese marks on capitals ("Ấ", "Ỗ").
      lines.push({ text, font, baseline: y + Math.round(item.size * 1.15) });
      y += Math.round(item.size * 1.45);
    }
  }
  const canvas = createCanvas(width, Math.max(1, y));
  const ctx = canvas.getContext('2d');
  ctx.lang = 'vi';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  for (const l of lines) {
    ctx.font = l.font;
    ctx.fillText(l.text, width / 2, l.baseline);
  }
  for (const r of rules) ctx.fillRect(Math.round((width - r.w) / 2), r.y, r.w, r.h);
  return bitmapFromCanvas(canvas);
}

function rasterQr(data: string, moduleDots: number, width: number): Bitmap {
  const side = qrMatrix(data, QR_LEVEL).size * moduleDots;
  const img = createBitmap(width, side);
  paintQr(img, data, moduleDots, QR_LEVEL, 0, 0, width);
  return img;
}

/** The largest font-A magnification (1…8) whose line fits in nine tenths of the paper. */
function fontATimes(label: string, width: number): number {
  for (let t = 8; t > 1; t--) if (fontATextWidth(label, t) <= width * 0.9) return t;
  return 1;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

export function layoutTicket(job: TicketPrintJob, options: TicketLayoutOptions = {}): TicketLayout {
  const width = job.paperWidthDots;
  const useLeftMargin = options.leftMargin ?? true;
  // 58 mm paper: smaller type, but not in proportion, or it gets too small to read.
  const s = width >= 576 ? 1 : 0.75;
  const px = (n: number) => Math.round(n * s);
  const blocks: TicketBlock[] = [];
  const raster = (items: SectionItem[]) => blocks.push(...stripsOf(renderSection(items, width), useLeftMargin));

  raster([
    { kind: 'text', text: job.centreName, weight: 700, size: px(26) },
    ...(job.subtitle ? [{ kind: 'text' as const, text: job.subtitle, weight: 400 as const, size: px(20) }] : []),
    { kind: 'rule', widthFraction: 0.6, thickness: 2, gapBefore: px(8) },
    { kind: 'text', text: TICKET_TITLE, weight: 700, size: px(32), gapBefore: px(12) },
  ]);

  const label = ticketText(job.label);
  if ((options.number ?? 'printer') === 'printer' && PRINTABLE_ASCII.test(label)) {
    blocks.push({ kind: 'font-a-text', text: label, times: fontATimes(label, width) });
  } else {
    raster([{ kind: 'text', text: label, weight: 700, size: px(140) }]);
  }

  raster([
    { kind: 'text', text: job.serviceName, weight: 700, size: px(34), gapBefore: px(4) },
    ...(job.priorityName !== undefined ? [{ kind: 'text' as const, text: priorityLine(job.priorityName), weight: 700 as const, size: px(28), gapBefore: px(6) }] : []),
    { kind: 'text', text: countersHeading(job.counterNames.length), weight: 400, size: px(20), gapBefore: px(6) },
    ...job.counterNames.map((name) => ({ kind: 'text' as const, text: name, weight: 400 as const, size: px(22) })),
    { kind: 'text', text: waitingAheadLine(job.waitingAhead), weight: 700, size: px(24), gapBefore: px(4) },
    ...(job.waitEstimate ? [{ kind: 'text' as const, text: waitEstimateLine(job.waitEstimate), weight: 400 as const, size: px(22) }] : []),
    { kind: 'text', text: formatIssuedAt(job.issuedAt, job.timeZone), weight: 400, size: px(22), gapBefore: px(2) },
  ]);

  // 6-dot modules (5 on 58 mm) scan well from a phone; a long URL gets smaller modules
  // rather than a symbol wider than half the paper.
  const modules = qrMatrix(job.url, QR_LEVEL).size;
  const moduleDots = Math.max(2, Math.min(width >= 576 ? 6 : 5, Math.floor((width * 0.5) / modules)));
  // Quiet zone: four modules of white above and below the symbol.
  blocks.push({ kind: 'feed', dots: 4 * moduleDots });
  if ((options.qr ?? 'printer') === 'printer') blocks.push({ kind: 'qr', data: job.url, moduleDots, level: QR_LEVEL });
  else blocks.push(...stripsOf(rasterQr(job.url, moduleDots, width), useLeftMargin));
  blocks.push({ kind: 'feed', dots: 4 * moduleDots });

  raster([{ kind: 'text', text: TICKET_FOOTER, weight: 400, size: px(20) }]);
  blocks.push({ kind: 'feed', dots: 16 });
  return { widthDots: width, blocks: mergeFeeds(blocks) };
}

function mergeFeeds(blocks: TicketBlock[]): TicketBlock[] {
  const out: TicketBlock[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (b.kind === 'feed' && last?.kind === 'feed') last.dots += b.dots;
    else if (b.kind !== 'feed' || b.dots > 0) out.push(b);
  }
  return out;
}

/** How far the paper advances for a block. */
export function blockHeight(b: TicketBlock): number {
  switch (b.kind) {
    case 'feed':
      return b.dots;
    case 'raster':
      return b.strip.image.height;
    case 'font-a-text':
      return FONT_A_CELL.height * b.times;
    case 'qr':
      return qrMatrix(b.data, b.level).size * b.moduleDots;
  }
}
