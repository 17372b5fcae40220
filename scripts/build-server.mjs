// Compiles the centre's server into dist-server/ (esbuild: TypeScript to plain ES modules, the
// project's own code bundled, packages left to node_modules), so `npm start` runs plain
// JavaScript: no TypeScript loader in the queue's thread or in any worker's (each costs its
// own thread, memory and a compile on first import). Every file lands in one folder, so a
// worker's `new URL('./report-worker.mjs', import.meta.url)` (or the file writer's process)
// finds its compiled entry there;
// lazily imported parts (the workbook and document writers) stay separate chunks, loaded
// when first asked for, as from source.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const SERVER_OUT = 'dist-server';

export async function buildServer() {
  rmSync(SERVER_OUT, { recursive: true, force: true });
  await build({
    entryPoints: {
      main: 'server/main.ts',
      // Where the sources start each worker through an .mjs entry that registers tsx first.
      'report-worker': 'server/reports/report-worker-main.ts',
      'speech-worker': 'server/devices/speech/speech-worker-main.ts',
      'scrypt-worker': 'server/auth/scrypt-worker.mjs',
      // The report file writer's child process, started through file-writer.mjs from source.
      'file-writer': 'server/reports/file-writer-main.ts',
    },
    outdir: SERVER_OUT,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: 'server/tsconfig.json',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

// Run as a script (npm run build), not imported: compared as URLs, so a Windows path matches too.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildServer();
