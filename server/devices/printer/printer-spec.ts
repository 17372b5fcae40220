// The printer named by one string (QMS_PRINTER), so a centre changes printers in config:
//   tcp://192.168.1.50:9100   serial:/dev/ttyUSB0?baud=115200   usb   usb:/dev/usb/lp1
//   file:prints (PNG + .bin, a folder inside the data folder)
// Any of them takes ?qr=raster, ?number=raster, ?margin=off, ?status=off for printers
// that lack GS ( k, print font A badly, ignore GS L, or never answer DLE EOT.
import path from 'node:path';
import type { TicketLayoutOptions } from './ticket-layout';

export const DEFAULT_PRINTER_SPEC = 'file:prints';

export interface PrinterCompat {
  layout: TicketLayoutOptions;
  queryStatus: boolean;
}

export type PrinterSpec =
  | { kind: 'tcp'; host: string; port: number; compat: PrinterCompat }
  | { kind: 'serial'; path: string; baudRate: number; compat: PrinterCompat }
  | { kind: 'usb'; path: string | null; compat: PrinterCompat }
  | { kind: 'file'; dir: string; compat: PrinterCompat };

const DEFAULT_TCP_PORT = 9100;
/** The factory setting of most ESC/POS serial printers. */
const DEFAULT_BAUD = 9600;

function choice<const T extends string>(params: URLSearchParams, key: string, allowed: readonly T[], fallback: NoInfer<T>): T {
  const v = params.get(key);
  if (v === null) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new Error(`printer option ${key}=${v}: expected ${allowed.join(' or ')}`);
  return v as T;
}

function parseCompat(params: URLSearchParams, extraKeys: string[]): PrinterCompat {
  const known = ['qr', 'number', 'margin', 'status', ...extraKeys];
  for (const key of params.keys()) if (!known.includes(key)) throw new Error(`unknown printer option "${key}" (known: ${known.join(', ')})`);
  return {
    layout: {
      qr: choice(params, 'qr', ['printer', 'raster'], 'printer'),
      number: choice(params, 'number', ['printer', 'raster'], 'printer'),
      leftMargin: choice(params, 'margin', ['on', 'off'], 'on') === 'on',
    },
    queryStatus: choice(params, 'status', ['on', 'off'], 'on') === 'on',
  };
}

function splitQuery(rest: string): [string, URLSearchParams] {
  const q = rest.indexOf('?');
  return q < 0 ? [rest, new URLSearchParams()] : [rest.slice(0, q), new URLSearchParams(rest.slice(q + 1))];
}

export function parsePrinterSpec(spec: string, dataDir: string): PrinterSpec {
  const s = spec.trim();
  if (s.startsWith('tcp://')) {
    const url = new URL(s);
    if (!url.hostname) throw new Error(`printer "${spec}": no host`);
    if (url.pathname && url.pathname !== '/') throw new Error(`printer "${spec}": unexpected path ${url.pathname}`);
    const port = url.port ? Number(url.port) : DEFAULT_TCP_PORT;
    return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port, compat: parseCompat(url.searchParams, []) };
  }
  if (s.startsWith('serial:')) {
    const [file, params] = splitQuery(s.slice('serial:'.length));
    if (!file) throw new Error(`printer "${spec}": no serial device`);
    const baud = params.get('baud');
    const baudRate = baud === null ? DEFAULT_BAUD : Number(baud);
    if (!Number.isInteger(baudRate) || baudRate <= 0) throw new Error(`printer "${spec}": baud must be a positive integer`);
    return { kind: 'serial', path: file, baudRate, compat: parseCompat(params, ['baud']) };
  }
  if (s === 'usb' || s.startsWith('usb:') || s.startsWith('usb?')) {
    const [file, params] = splitQuery(s.slice('usb'.length).replace(/^:/, ''));
    return { kind: 'usb', path: file || null, compat: parseCompat(params, []) };
  }
  if (s === 'file' || s.startsWith('file:') || s.startsWith('file?')) {
    const [dir, params] = splitQuery(s.slice('file'.length).replace(/^:/, ''));
    const resolved = path.resolve(dataDir, dir || 'prints');
    // Managers set this from the LAN: a folder outside the data folder would let them write anywhere the server may.
    const inside = path.relative(path.resolve(dataDir), resolved);
    if (inside.startsWith('..') || path.isAbsolute(inside)) throw new Error(`printer "${spec}": the folder must be inside the data folder`);
    return { kind: 'file', dir: resolved, compat: parseCompat(params, []) };
  }
  throw new Error(`printer "${spec}": expected tcp://host:port, serial:/dev/…, usb or file:folder`);
}
