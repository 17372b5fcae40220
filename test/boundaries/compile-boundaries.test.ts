// The boundaries between the folders are the compiler's, not a convention: each project's
// tsconfig.json (lib, types, include) makes these imports fail to compile. Each case compiles
// a one-line file inside the project, once harmless (it must pass, or the check proves
// nothing) and once offending (it must fail with the named error).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './import-graph';

// Parsed library and dependency files, shared by every probe (parsing lib.dom.d.ts is most of
// the work), and each project's last program, which the next probe of it reuses.
const parsedFiles = new Map<string, ts.SourceFile | undefined>();
const lastProgram = new Map<string, ts.Program>();

/** Diagnostics of the project at `projectDir` with one more file, `probe`, placed in it. */
function compileWithProbe(projectDir: string, probe: string): string[] {
  const configPath = resolve(REPO_ROOT, projectDir, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } })!;
  const probePath = resolve(REPO_ROOT, projectDir, '__boundary-probe__.ts');
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => f === probePath || fileExists.call(host, f);
  host.readFile = (f) => (f === probePath ? probe : readFile.call(host, f));
  host.getSourceFile = (f, lang, ...rest) => {
    if (f === probePath) return ts.createSourceFile(f, probe, lang);
    const key = `${f}:${JSON.stringify(lang)}`;
    if (!parsedFiles.has(key)) parsedFiles.set(key, getSourceFile.call(host, f, lang, ...rest));
    return parsedFiles.get(key);
  };
  const program = ts.createProgram({
    rootNames: [...parsed.fileNames, probePath],
    options: { ...parsed.options, noEmit: true },
    projectReferences: parsed.projectReferences,
    host,
    oldProgram: lastProgram.get(projectDir),
  });
  lastProgram.set(projectDir, program);
  // Only the probe is checked (with the project's options and global diagnostics): the
  // project's own files are checked by `tsc -b`, and checking them again for every probe is
  // what made this test take minutes.
  const probeFile = program.getSourceFile(probePath)!;
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...program.getSyntacticDiagnostics(probeFile), ...program.getSemanticDiagnostics(probeFile)];
  return diagnostics.map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('the compiler holds the boundaries', () => {
  beforeAll(() => {
    // The probes read the referenced projects' declarations: build them (quick when up to date).
    const built = spawnSync('npx', ['tsc', '-b', 'protocol', 'server/core', 'client', 'server', 'kiosk'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(built.status, built.stdout + built.stderr).toBe(0);
  }, 300_000);

  const cases: { project: string; harmless: string; offending: string; error: RegExp }[] = [
    { project: 'kiosk', harmless: "import { errorBody } from '@protocol/errors';\nexport const e = errorBody('internal');", offending: "import { sampleStaff } from '../server/centre/sample-staff';\nexport const s = sampleStaff;", error: /TS6307 File '.*\/server\/centre\/sample-staff\.ts' is not listed within the file list of project/ },
    { project: 'manager', harmless: "import type { Report } from '@protocol/reports';\nexport type R = Report;", offending: "import { quantileRanks } from '../server/reports/grouped-times';\nexport const c = quantileRanks;", error: /TS6307 File '.*\/server\/reports\/grouped-times\.ts' is not listed/ },
    { project: 'kiosk', harmless: 'export const title = document.title;', offending: 'export const home = process.env.HOME;', error: /TS2591 Cannot find name 'process'/ },
    { project: 'server/core', harmless: "import { emptyState } from '@protocol/queue';\nexport const s = emptyState('2026-01-01');", offending: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;", error: /TS2307 Cannot find module 'node:fs'/ },
    { project: 'server/core', harmless: 'export const n = 1;', offending: "import { quantileRanks } from '../reports/grouped-times';\nexport const c = quantileRanks;", error: /TS6307 File '.*\/server\/reports\/grouped-times\.ts' is not listed/ },
    { project: 'protocol', harmless: "import { z } from 'zod';\nexport const s = z.string();", offending: 'export const title = document.title;', error: /TS2584 Cannot find name 'document'|TS2304 Cannot find name 'document'/ },
    { project: 'protocol', harmless: 'export const n = 1;', offending: "export const buffer = Buffer.from('x');", error: /TS2552 Cannot find name 'Buffer'|TS2591 Cannot find name 'Buffer'/ },
  ];

  for (const c of cases) {
    it(`${c.project}: ${c.offending.split('\n')[0]} does not compile`, () => {
      expect(compileWithProbe(c.project, c.harmless)).toEqual([]);
      expect(compileWithProbe(c.project, c.offending)).toContainEqual(expect.stringMatching(c.error));
    }, 120_000);
  }
});
