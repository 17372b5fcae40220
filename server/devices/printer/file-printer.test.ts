import { loadImage } from '@napi-rs/canvas';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../test/printer/escpos-decoder';
import { loadPngBitmap } from '../../../test/printer/reference-tickets';
import { sampleTicketJobs } from '../../../test/printer/ticket-fixtures';
import { countDifferentDots } from './bitmap';
import { buildTicketBytes } from './build-ticket-bytes';
import { createPrinter, PrinterError, type PrinterState } from './index';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qms-file-printer-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('file printer', () => {
  it('writes a PNG a person can open, the size of the ticket, with the ESC/POS bytes beside it', async () => {
    const { job } = sampleTicketJobs(576)[0];
    const printer = createPrinter('file:prints', { dataDir });
    await printer.print(job);
    const dir = path.join(dataDir, 'prints');
    expect((await readdir(dir)).sort()).toEqual(['20260314-081500-1005.bin', '20260314-081500-1005.png']);
    const bin = await readFile(path.join(dir, '20260314-081500-1005.bin'));
    expect(bin.equals(buildTicketBytes(job))).toBe(true);
    const decoded = decodeEscPos(bin, 576).image;
    const png = await loadImage(await readFile(path.join(dir, '20260314-081500-1005.png')));
    expect([png.width, png.height]).toEqual([576, decoded.height]);
    expect(countDifferentDots(await loadPngBitmap(path.join(dir, '20260314-081500-1005.png')), decoded)).toBe(0);
  });

  it('keeps both files when the same ticket is printed twice', async () => {
    const { job } = sampleTicketJobs(384)[9];
    const printer = createPrinter('file', { dataDir });
    await printer.print(job);
    await printer.print(job);
    const pngs = (await readdir(path.join(dataDir, 'prints'))).filter((f) => f.endsWith('.png')).sort();
    expect(pngs).toEqual(['20260314-082409-T014-2.png', '20260314-082409-T014.png']);
    expect((await loadImage(await readFile(path.join(dataDir, 'prints', pngs[0])))).width).toBe(384);
  });

  it('reports an error, and rejects the ticket, when its folder cannot be written', async () => {
    await writeFile(path.join(dataDir, 'not-a-folder'), '');
    const states: PrinterState[] = [];
    const printer = createPrinter('file:not-a-folder', { dataDir, onState: (s) => states.push(s) });
    const err = await printer.print(sampleTicketJobs(576)[0].job).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterError);
    expect((err as PrinterError).printerState).toBe('error');
    expect(await printer.status()).toBe('error');
    expect(states).toEqual(['error']);
  });

  it('is ok when its folder can be written', async () => {
    const states: PrinterState[] = [];
    const printer = createPrinter('file:prints', { dataDir, onState: (s) => states.push(s) });
    expect(await printer.status()).toBe('ok');
    expect(states).toEqual(['ok']);
  });
});
