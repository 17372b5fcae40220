// Vietnamese text → WAV with espeak-ng compiled to WebAssembly (the text2wav package), so no
// system install is needed. text2wav's own wrapper is bypassed for three reasons, all in its
// Emscripten runtime: it recompiles the 850 kB WASM on every phrase, prints a warning for each,
// and adds process-wide listeners on every run (and calls process.exit if espeak fails).
// Here the module is compiled once, the listeners are removed, and failures reject.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const libDir = join(dirname(require.resolve('text2wav')), 'lib');

/** espeak-ng's default speed in words per minute, i.e. rate 1. */
export const ESPEAK_NORMAL_WPM = 175;
const RUN_TIMEOUT_MS = 15_000;

interface EmscriptenModule {
  arguments: string[];
  print(text: string): void;
  printErr(text: string): void;
  quit(status: number, cause?: unknown): void;
  onAbort(what: unknown): void;
  instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): object;
  postRun(): void;
  FS?: { root: { contents: Record<string, { contents: ArrayLike<number> } | undefined> }; unmount(path: string): void };
}

export type Synthesize = (text: string, options: { rate: number }) => Promise<Buffer>;

/** Returns a synthesiser that runs one phrase at a time (each run is synchronous CPU work anyway). */
export function createEspeakSynthesizer(diagnostics: (line: string) => void = () => {}): Synthesize {
  let compiled: Promise<WebAssembly.Module> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const factory = require(join(libDir, 'espeak-ng.js')) as (module: EmscriptenModule) => void;

  const run = async (text: string, rate: number): Promise<Buffer> => {
    compiled ??= readFile(join(libDir, 'espeak-ng.wasm')).then((bytes) => WebAssembly.compile(bytes));
    const wasm = await compiled;
    const speed = Math.round(ESPEAK_NORMAL_WPM * rate);
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`espeak-ng did not finish "${text}"`)), RUN_TIMEOUT_MS);
      const settle = (fn: () => void) => {
        clearTimeout(timer);
        fn();
      };
      const module: EmscriptenModule = {
        // "--" ends the options, so a phrase that begins with "-" is still text.
        arguments: ['-w', 'wav.wav', '-v', 'vi', '-s', String(speed), '--', text],
        print: diagnostics,
        printErr: diagnostics,
        quit: (status) => settle(() => reject(new Error(`espeak-ng exited with status ${status} on "${text}"`))),
        onAbort: (what) => settle(() => reject(new Error(`espeak-ng aborted on "${text}": ${String(what)}`))),
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm), (e) => settle(() => reject(e)));
          return {};
        },
        postRun() {
          settle(() => {
            const file = module.FS?.root.contents['wav.wav'];
            module.FS?.unmount('/usr/share');
            if (file) resolve(Buffer.from(Uint8Array.from(file.contents)));
            else reject(new Error(`espeak-ng wrote no audio for "${text}"`));
          });
        },
      };
      withoutAddedProcessListeners(() => factory(module));
    });
  };

  return (text, { rate }) => {
    const result = queue.then(() => run(text, rate));
    queue = result.catch(() => {});
    return result;
  };
}

function withoutAddedProcessListeners(fn: () => void): void {
  const uncaught = new Set(process.listeners('uncaughtException'));
  const rejection = new Set(process.listeners('unhandledRejection'));
  try {
    fn();
  } finally {
    for (const l of process.listeners('uncaughtException')) if (!uncaught.has(l)) process.removeListener('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection')) if (!rejection.has(l)) process.removeListener('unhandledRejection', l);
  }
}
