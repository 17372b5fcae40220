// No file imports itself through others: each layer can be read, and tested, without the
// ones that use it.
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph';

describe('import cycles', () => {
  it('finds a cycle and names the files round it', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts'], ['e.ts', 'e.ts']]);
    expect(importCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });

  it('the repository has none', () => {
    const graph = importGraph();
    // The graph must see the aliases, or a cycle through @protocol/ would go unnoticed.
    expect(graph.get('server/core/queue-core.ts')).toContain('protocol/queue.ts');
    expect(importCycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });
});
