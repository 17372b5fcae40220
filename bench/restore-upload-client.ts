// One upload to the restore route from its own process, so the server's memory and time are its
// own: `restore-upload-client.ts <url> <token|-> <bytes|file.tar.gz>` prints {status, ms, sentWhenAnswered}.
import { readFile } from 'node:fs/promises';
import { uploadToRestore } from '../test/support/archives';

const [url, token, what] = process.argv.slice(2);
const archive = /^\d+$/.test(what) ? undefined : await readFile(what);
const started = performance.now();
const answer = await uploadToRestore(url, { ...(token !== '-' ? { token } : {}), ...(archive ? { archive } : { total: Number(what) }) });
process.stdout.write(JSON.stringify({ status: answer.status, ms: performance.now() - started, sentWhenAnswered: answer.sentWhenAnswered }));
