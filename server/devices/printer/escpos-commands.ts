// The ESC/POS commands this project sends, each named by its mnemonic as in Epson's
// ESC/POS reference (the same habit as node-thermal-printer's command tables), so a
// reader can look any byte sequence up. Only widely cloned commands are used: the
// cheap 203-dpi printers found at kiosks implement these and little else.

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const EOT = 0x04;
const LF = 0x0a;

export const ESCPOS = {
  /** ESC @ — initialise: clears the buffer and every mode set by earlier commands. */
  INIT: Buffer.from([ESC, 0x40]),
  /** LF — print the line buffer and feed one line. */
  LF: Buffer.from([LF]),
  /** ESC a 0 / 1 — justification left / centre (affects text and GS ( k symbols). */
  ALIGN_LEFT: Buffer.from([ESC, 0x61, 0x00]),
  ALIGN_CENTER: Buffer.from([ESC, 0x61, 0x01]),
  /** ESC E 1 / 0 — emphasised (bold) on / off. */
  BOLD_ON: Buffer.from([ESC, 0x45, 0x01]),
  BOLD_OFF: Buffer.from([ESC, 0x45, 0x00]),
  /** ESC M 0 — character font A (12 × 24 dots). */
  FONT_A: Buffer.from([ESC, 0x4d, 0x00]),
  /** ESC 2 — default line spacing. */
  LINE_SPACING_DEFAULT: Buffer.from([ESC, 0x32]),
  /** GS ! 0 — normal character size. */
  SIZE_NORMAL: Buffer.from([GS, 0x21, 0x00]),
} as const;

/** Font A cell, in dots, before GS ! magnification. */
export const FONT_A_CELL = { width: 12, height: 24 } as const;

/** ESC J n — print and feed n vertical motion units (1 dot on 203-dpi printers); n ≤ 255 per command. */
export function feedDots(dots: number): Buffer {
  const parts: number[] = [];
  for (let left = Math.round(dots); left > 0; left -= 255) parts.push(ESC, 0x4a, Math.min(255, left));
  return Buffer.from(parts);
}

/** ESC 3 n — line spacing n motion units. */
export function lineSpacing(dots: number): Buffer {
  return Buffer.from([ESC, 0x33, dots]);
}

/** GS ! n — character size: bits 4–6 width − 1, bits 0–2 height − 1 (each 1 … 8). */
export function characterSize(widthTimes: number, heightTimes: number): Buffer {
  return Buffer.from([GS, 0x21, ((widthTimes - 1) << 4) | (heightTimes - 1)]);
}

/** GS L nL nH — left margin in horizontal motion units (1 dot on 203-dpi printers). */
export function leftMargin(dots: number): Buffer {
  return Buffer.from([GS, 0x4c, dots & 0xff, dots >> 8]);
}

/** GS v 0 m xL xH yL yH d… — print a raster image, m = 0 normal density,
 *  x = width in bytes, y = height in dots; the paper then advances by y dots. */
export function rasterImage(widthBytes: number, height: number, data: Uint8Array): Buffer {
  const header = Buffer.from([GS, 0x76, 0x30, 0x00, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8]);
  return Buffer.concat([header, data]);
}

/** GS ( k — the QR code functions (cn = 49). Each is GS ( k pL pH cn fn params. */
function qrFunction(fn: number, params: number[] | Buffer): Buffer {
  const body = Buffer.concat([Buffer.from([0x31, fn]), Buffer.from(params)]);
  return Buffer.concat([Buffer.from([GS, 0x28, 0x6b, body.length & 0xff, body.length >> 8]), body]);
}

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';
const QR_ERROR_LEVEL_BYTE: Record<QrErrorLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** The printer builds and prints the symbol itself: ~80 bytes instead of a raster. */
export function qrCode(data: string, moduleDots: number, level: QrErrorLevel): Buffer {
  return Buffer.concat([
    qrFunction(0x41, [0x32, 0x00]), // fn 165: select model 2
    qrFunction(0x43, [moduleDots]), // fn 167: module size in dots
    qrFunction(0x45, [QR_ERROR_LEVEL_BYTE[level]]), // fn 169: error correction level
    qrFunction(0x50, Buffer.concat([Buffer.from([0x30]), Buffer.from(data, 'utf8')])), // fn 180: store data
    qrFunction(0x51, [0x30]), // fn 181: print the stored symbol
  ]);
}

/** GS V 66 n — feed to the cutter position (+ n units) and cut partially, leaving a tab
 *  so the ticket stays in the slot until the citizen takes it instead of dropping. */
export function feedAndCut(extraDots = 0): Buffer {
  return Buffer.from([GS, 0x56, 0x42, extraDots]);
}

/** DLE EOT n — real-time status: the printer answers one byte at once, even when offline.
 *  n = 1 printer status, 2 offline cause, 3 error cause, 4 paper roll sensor. */
export function realtimeStatusRequest(n: 1 | 2 | 3 | 4): Buffer {
  return Buffer.from([DLE, EOT, n]);
}

/** Bytes that a printer acts on wherever they appear, even inside image data:
 *  DLE EOT (status), DLE ENQ (recover / clear buffers), DLE DC4 (pulse, power-off, clear). */
export const REALTIME_SECOND_BYTES = [0x04, 0x05, 0x14] as const;
export const REALTIME_FIRST_BYTE = DLE;
