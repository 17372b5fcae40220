import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../test/printer/escpos-decoder';
import { parseAll } from '../../../test/printer/escpos-stream';
import { loadPngBitmap, referencePngPath } from '../../../test/printer/reference-tickets';
import { sampleTicketJobs } from '../../../test/printer/ticket-fixtures';
import { countDifferentDots, createBitmap, getDot } from './bitmap';
import { buildTicketBytes, escposFromLayout } from './build-ticket-bytes';
import { REALTIME_FIRST_BYTE, REALTIME_SECOND_BYTES } from './escpos-commands';
import { defuseRealtimeSequences, stripsOf } from './raster-strips';
import { layoutTicket } from './ticket-layout';
import { paintTicket } from './ticket-preview';
import { formatIssuedAt, waitEstimateLine } from './ticket-text';

const MAX_80MM_TICKET_BYTES = 16 * 1024;
/** Reference images may drift by a few anti-aliasing dots across canvas builds, no more. */
const REFERENCE_TOLERANCE = 0.001;

const fixtures = [...sampleTicketJobs(576), ...sampleTicketJobs(384)];

function hasRealtimeSequence(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === REALTIME_FIRST_BYTE && (REALTIME_SECOND_BYTES as readonly number[]).includes(bytes[i + 1])) return true;
  }
  return false;
}

describe.each(fixtures)('ticket $name', ({ name, job }) => {
  const layout = layoutTicket(job);
  const bytes = escposFromLayout(layout);
  const preview = paintTicket(layout);

  it('decodes from its ESC/POS bytes into exactly the previewed image, with one cut', () => {
    const decoded = decodeEscPos(bytes, job.paperWidthDots);
    expect(decoded.cuts).toBe(1);
    expect(decoded.image.height).toBe(preview.height);
    expect(countDifferentDots(decoded.image, preview)).toBe(0);
  });

  it('matches the reviewed reference image', async () => {
    const file = referencePngPath(name);
    expect(existsSync(file), `${file} missing: run npx tsx test/printer/update-reference-tickets.ts and review it`).toBe(true);
    const reference = await loadPngBitmap(file);
    expect([preview.width, preview.height]).toEqual([reference.width, reference.height]);
    expect(countDifferentDots(preview, reference)).toBeLessThanOrEqual(preview.width * preview.height * REFERENCE_TOLERANCE);
  });

  it('carries no real-time command sequence a printer would act on mid-ticket', () => {
    expect(hasRealtimeSequence(bytes)).toBe(false);
  });

  it('sends the number in the printer font and the QR as a printer command', () => {
    const commands = parseAll(bytes).map((p) => p.command);
    const text = commands.filter((c) => c.op === 'text').map((c) => (c.op === 'text' ? c.bytes.toString('ascii') : ''));
    expect(text).toEqual([job.label]);
    const qrStore = commands.find((c) => c.op === 'GS ( k' && c.fn === 0x50);
    expect(qrStore?.op === 'GS ( k' && qrStore.params.subarray(1).toString('utf8')).toBe(job.url);
  });

  if (job.paperWidthDots === 576) {
    it(`fits in ${MAX_80MM_TICKET_BYTES} bytes on 80 mm paper`, () => {
      expect(bytes.length).toBeLessThanOrEqual(MAX_80MM_TICKET_BYTES);
    });
  }
});

describe('ticket layout options', () => {
  const { job } = sampleTicketJobs(576)[1];

  it('prints QR and number as raster dots for printers without GS ( k, still decoding to the preview', () => {
    const layout = layoutTicket(job, { qr: 'raster', number: 'raster' });
    const bytes = escposFromLayout(layout);
    const ops = parseAll(bytes).map((p) => p.command.op);
    expect(ops).not.toContain('GS ( k');
    expect(ops).not.toContain('text');
    expect(countDifferentDots(decodeEscPos(bytes, 576).image, paintTicket(layout))).toBe(0);
  });

  it('sends leading blank bytes instead of GS L when the left margin is off', () => {
    const layout = layoutTicket(job, { leftMargin: false });
    const bytes = escposFromLayout(layout);
    expect(parseAll(bytes).some((p) => p.command.op === 'GS L')).toBe(false);
    expect(countDifferentDots(decodeEscPos(bytes, 576).image, paintTicket(layout))).toBe(0);
    expect(bytes.length).toBeGreaterThan(buildTicketBytes(job).length);
  });

  it('draws a label with Vietnamese letters as raster, since font A has none', () => {
    const bytes = buildTicketBytes({ ...job, label: 'Đ015' });
    expect(parseAll(bytes).some((p) => p.command.op === 'text')).toBe(false);
  });

  it('prints a priority line only on priority tickets', () => {
    const plain = paintTicket(layoutTicket({ ...job, priorityName: undefined }));
    const priority = paintTicket(layoutTicket({ ...job, priorityName: 'Người cao tuổi' }));
    expect(priority.height).toBeGreaterThan(plain.height);
  });

  it('prints the expected wait when the server has one', () => {
    const layout = layoutTicket({ ...job, waitEstimate: { low: 15, high: 25 } });
    expect(paintTicket(layout).height).toBeGreaterThan(paintTicket(layoutTicket({ ...job, waitEstimate: undefined })).height);
  });
});

describe('waitEstimateLine', () => {
  it('reads as the centres write it, and "dưới" for a wait that may be none', () => {
    expect(waitEstimateLine({ low: 15, high: 25 })).toBe('Thời gian chờ dự kiến: khoảng 15–25 phút');
    expect(waitEstimateLine({ low: 0, high: 10 })).toBe('Thời gian chờ dự kiến: dưới 10 phút');
  });
});

describe('raster strips', () => {
  it('turn white rows into feeds and crop each strip to its inked bytes', () => {
    const img = createBitmap(64, 30);
    img.data[10 * 8 + 3] = 0xff; // row 10, dots 24–31
    img.data[11 * 8 + 4] = 0x80; // row 11, dot 32
    const parts = stripsOf(img, true);
    expect(parts.map((p) => (p.kind === 'feed' ? `feed ${p.dots}` : `strip @${p.strip.leftDots} ${p.strip.image.width}x${p.strip.image.height}`))).toEqual([
      'feed 10',
      'strip @24 16x2',
      'feed 18',
    ]);
  });

  it('break DLE EOT / ENQ / DC4 in image data by dropping one dot', () => {
    const data = Uint8Array.from([0x10, 0x04, 0x02, 0x10, 0x05, 0x10, 0x14, 0x10, 0x20]);
    defuseRealtimeSequences(data);
    expect([...data]).toEqual([0x00, 0x04, 0x02, 0x00, 0x05, 0x00, 0x14, 0x10, 0x20]);
    expect(getDot({ width: 72, height: 1, rowBytes: 9, data }, 7 * 8 + 3, 0)).toBe(true);
  });
});

describe('formatIssuedAt', () => {
  it('shows the centre’s local time and Vietnamese weekday, not the server’s zone', () => {
    expect(formatIssuedAt(Date.UTC(2026, 2, 14, 1, 15), 'Asia/Ho_Chi_Minh')).toBe('08:15 – Thứ Bảy, 14/03/2026');
    // 23:30 UTC on Saturday is already Sunday morning in Hà Nội.
    expect(formatIssuedAt(Date.UTC(2026, 2, 14, 23, 30), 'Asia/Ho_Chi_Minh')).toBe('06:30 – Chủ nhật, 15/03/2026');
  });
});
