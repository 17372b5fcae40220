// Starts the file writer (file-writer-main.ts) in a child process for each file, one at a
// time: two managers downloading a year at once would otherwise hold two workbooks' memory.
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { FileReply, FileRequest } from './file-writer-main';

let last: Promise<unknown> = Promise.resolve();

function writeInChild(request: FileRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./file-writer.mjs', import.meta.url)), [], {
      serialization: 'advanced',
      // The process's own --import preloads (the soak's slow disk, the bench's meter) are not for it.
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let reply: FileReply | undefined;
    child.once('message', (m: FileReply) => (reply = m));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply && 'bytes' in reply) resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      else reject(new Error(reply && 'error' in reply ? `report file writer: ${reply.error}` : `report file writer exited (${signal ?? code}) without a file`));
    });
    // The queue's thread goes first where the cores are contended, as for the reports' thread.
    try {
      if (child.pid !== undefined) setPriority(child.pid, 10);
    } catch {
      /* not allowed: the file is written at the normal priority */
    }
    child.send(request);
  });
}

/** The file for a report, written in a child process; requests wait for the one before. */
export function writeReportFile(request: FileRequest): Promise<Buffer> {
  const written = last.catch(() => undefined).then(() => writeInChild(request));
  last = written;
  return written;
}
