// One upload to the restore route from its own process, so the server's memory and time are its
// own: `restore-upload-client.ts <url> <token|-> <bytes|file.tar.gz>` prints {status, ms, sentWhenAnswered, attempts}.
import { readFile } from 'node:fs/promises';
import { uploadToRestore, type UploadAnswer } from '../test/support/archives';

const [url, token, what] = process.argv.slice(2);
const archive = /^\d+$/.test(what) ? undefined : await readFile(what);

// The server answers a refused upload at once and closes the connection; a client still
// writing then may get EPIPE or a reset before it has read the answer (a race of the client's
// own socket). Such an attempt is made again, up to ten times (three all lost that race in
// one full run); the time printed is the attempt that read its answer.
let answer: UploadAnswer | undefined;
let ms = 0;
let attempt = 1;
for (; !answer; attempt++) {
  const started = performance.now();
  try {
    answer = await uploadToRestore(url, { ...(token !== '-' ? { token } : {}), ...(archive ? { archive } : { total: Number(what) }) });
    ms = performance.now() - started;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (attempt >= 10 || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw err;
  }
}
process.stdout.write(JSON.stringify({ status: answer.status, ms, sentWhenAnswered: answer.sentWhenAnswered, attempts: attempt - 1 }));
