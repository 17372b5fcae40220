// The repository's import graph as the compiler resolves it (path aliases included, type-only
// imports too: a cycle of types is still two files that cannot be understood apart), and the
// cycles in it.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import ts from 'typescript';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** Every .ts/.tsx source file of the repository (dependencies and build output left out). */
export function sourceFiles(root = REPO_ROOT): string[] {
  const config = ts.readConfigFile(resolve(root, 'tsconfig.base.json'), ts.sys.readFile).config;
  const parsed = ts.parseJsonConfigFileContent({ ...config, include: ['**/*.ts', '**/*.tsx'], exclude: ['node_modules', 'dist', 'data', '**/*.d.ts'] }, ts.sys, root);
  return parsed.fileNames;
}

/** file (relative to root) → the repository files it imports (relative to root). */
export function importGraph(root = REPO_ROOT): Map<string, string[]> {
  const config = ts.readConfigFile(resolve(root, 'tsconfig.base.json'), ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.includes('/node_modules/')) continue;
      targets.add(relative(root, resolved.resolvedFileName));
    }
    graph.set(relative(root, file), [...targets].sort());
  }
  return graph;
}

/** Each group of files that import one another in a circle (Tarjan's strongly connected components), as one path round it. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    const selfImport = graph.get(v)?.includes(v);
    if (group.length > 1 || selfImport) cycles.push(pathRound(graph, new Set(group), v));
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** One walk from `start` back to itself inside the group, for a readable message. */
function pathRound(graph: ReadonlyMap<string, readonly string[]>, group: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!group.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at = v; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
