import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePrinterSpec } from './printer-spec';

const dataDir = '/srv/qms-data';

describe('parsePrinterSpec', () => {
  it('reads a network printer, defaulting to the raw port 9100', () => {
    expect(parsePrinterSpec('tcp://192.168.1.50:9101', dataDir)).toMatchObject({ kind: 'tcp', host: '192.168.1.50', port: 9101 });
    expect(parsePrinterSpec('tcp://printer.local', dataDir)).toMatchObject({ kind: 'tcp', host: 'printer.local', port: 9100 });
  });

  it('reads a serial printer with its baud rate, 9600 when not given', () => {
    expect(parsePrinterSpec('serial:/dev/ttyUSB0?baud=115200', dataDir)).toMatchObject({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 });
    expect(parsePrinterSpec('serial:/dev/ttyS0', dataDir)).toMatchObject({ kind: 'serial', path: '/dev/ttyS0', baudRate: 9600 });
  });

  it('reads usb as "the first /dev/usb/lpN" unless a device is named', () => {
    expect(parsePrinterSpec('usb', dataDir)).toMatchObject({ kind: 'usb', path: null });
    expect(parsePrinterSpec('usb:/dev/usb/lp1', dataDir)).toMatchObject({ kind: 'usb', path: '/dev/usb/lp1' });
  });

  it('resolves a file folder against the data folder and keeps it inside', () => {
    expect(parsePrinterSpec('file:prints', dataDir)).toMatchObject({ kind: 'file', dir: path.join(dataDir, 'prints') });
    expect(parsePrinterSpec('file:./data/prints', dataDir)).toMatchObject({ kind: 'file', dir: path.join(dataDir, 'data/prints') });
    expect(parsePrinterSpec(`file:${dataDir}/phieu`, dataDir)).toMatchObject({ kind: 'file', dir: path.join(dataDir, 'phieu') });
    expect(parsePrinterSpec('file', dataDir)).toMatchObject({ kind: 'file', dir: path.join(dataDir, 'prints') });
  });

  it('refuses a file folder outside the data folder', () => {
    for (const spec of ['file:/tmp/tickets', 'file:../prints', 'file:prints/../../etc', `file:${dataDir}-other/prints`, 'file:/']) {
      expect(() => parsePrinterSpec(spec, dataDir), spec).toThrow(/inside the data folder/);
    }
  });

  it('reads compatibility switches, with GS ( k, font A, GS L and status on by default', () => {
    expect(parsePrinterSpec('tcp://p:9100', dataDir).compat).toEqual({ layout: { qr: 'printer', number: 'printer', leftMargin: true }, queryStatus: true });
    expect(parsePrinterSpec('serial:/dev/ttyS0?baud=19200&qr=raster&number=raster&margin=off&status=off', dataDir).compat).toEqual({
      layout: { qr: 'raster', number: 'raster', leftMargin: false },
      queryStatus: false,
    });
  });

  it('refuses unknown schemes, options and values instead of guessing', () => {
    expect(() => parsePrinterSpec('lpt1', dataDir)).toThrow(/expected tcp/);
    expect(() => parsePrinterSpec('tcp://p:9100?qrcode=raster', dataDir)).toThrow(/unknown printer option "qrcode"/);
    expect(() => parsePrinterSpec('usb?status=maybe', dataDir)).toThrow(/status=maybe/);
    expect(() => parsePrinterSpec('serial:/dev/ttyS0?baud=fast', dataDir)).toThrow(/baud/);
  });
});
