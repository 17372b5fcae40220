// Archives made by hand for restore tests: a gzip bomb that is cheap to build, a backup taken
// apart and packed again with a change, and an upload streamed over a real socket.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar';

const MiB = 1024 * 1024;

function header(path: string, size: number): Buffer {
  const block = Buffer.alloc(512);
  new tar.Header({ path, size, type: 'File', mode: 0o644, mtime: new Date(0) }).encode(block);
  return block;
}

/**
 * A .tar.gz of about 1 MB that unpacks to `entries` journal files of `entryMiB` zeros each.
 * gzip members may follow each other, so one compressed MiB of zeros is repeated, not made again.
 */
export function gzipBomb(entries: number, entryMiB: number): Buffer {
  const zeros = gzipSync(Buffer.alloc(MiB), { level: 9 });
  const parts: Buffer[] = [];
  for (let i = 0; i < entries; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    parts.push(gzipSync(header(`journal/${day}.jsonl`, entryMiB * MiB)));
    for (let m = 0; m < entryMiB; m++) parts.push(zeros);
  }
  parts.push(gzipSync(Buffer.alloc(1024)));
  return Buffer.concat(parts);
}

/** Unpacks an archive into a temp folder, lets the test change it, and packs the folder again. */
export async function repack(archive: Buffer, change: (dir: string) => Promise<void>, entries?: string[]): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'qms-repack-'));
  try {
    await new Promise<void>((resolve, reject) => {
      Readable.from([archive]).pipe(tar.x({ cwd: dir })).on('finish', resolve).on('error', reject);
    });
    await change(dir);
    const chunks: Buffer[] = [];
    for await (const chunk of tar.c({ gzip: true, cwd: dir, portable: true }, entries ?? (await readdir(dir)))) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface UploadAnswer {
  status: number;
  body: any;
  /** Bytes the client had handed to the socket when the answer came. */
  sentWhenAnswered: number;
}

/**
 * POSTs `total` bytes of zeros (or the given archive) to the restore route, streaming from one
 * reused buffer so the test's own memory stays flat, and stops sending once the answer comes.
 */
export function uploadToRestore(url: string, opts: { token?: string; archive?: Buffer; total?: number; contentLength?: number }): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const total = opts.archive?.length ?? opts.total ?? 0;
    let sent = 0;
    let answered = false;
    const req = request(`${url}/api/backup/restore`, {
      method: 'POST',
      headers: {
        'content-type': 'application/gzip',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.contentLength !== undefined ? { 'content-length': opts.contentLength } : opts.archive ? { 'content-length': total } : {}),
      },
    });
    req.on('response', (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        req.destroy();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* keep the text */
        }
        resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered });
      });
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    // Writes still queued when the server answered and closed end in EPIPE on the socket after
    // the request let go of it: the answer is already read, so that error is nobody's.
    req.on('socket', (socket) =>
      socket.on('error', (err) => {
        if (!answered) reject(err);
      }),
    );
    if (opts.archive) {
      sent = total;
      req.end(opts.archive);
      return;
    }
    const chunk = Buffer.alloc(MiB);
    const pump = () => {
      while (!answered && sent < total) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
