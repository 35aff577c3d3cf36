/**
 * No import circles among the source files (electron/, db/, shared/, renderer/): a circle makes
 * load order matter and blurs which file depends on which. Type-only imports count too, since
 * they tie the files together just the same for a reader. Each circle is reported as a path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = ['electron', 'db', 'shared', 'renderer'];
const SOURCE = /\.(ts|tsx|mts)$/;

function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const f of FOLDERS) if (existsSync(join(ROOT, f))) walk(join(ROOT, f));
  return out;
}

/** Every module specifier: static imports and re-exports (type-only included) and import(). */
export function specifiersOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const re = /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...code.matchAll(re)].map((m) => m[1] ?? m[2]!);
}

/** The source file a relative specifier names ('./x.js' is x.ts or x.tsx, a folder its index), or null. */
export function resolveRelative(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  for (const c of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (SOURCE.test(c) && existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

/** Strongly connected components of more than one file (or a file importing itself), each as one circle path. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strong = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(comp);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) strong(v);
  // One concrete circle per component: a shortest path from its first file back to itself.
  return components.map((comp) => {
    const inComp = new Set(comp);
    const start = [...comp].sort()[0]!;
    const prev = new Map<string, string>();
    const queue = [start];
    const seen = new Set<string>();
    while (queue.length) {
      const v = queue.shift()!;
      for (const w of graph.get(v) ?? []) {
        if (!inComp.has(w)) continue;
        if (w === start) {
          const path = [v];
          while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
          return [...path, start];
        }
        if (!seen.has(w)) {
          seen.add(w);
          prev.set(w, v);
          queue.push(w);
        }
      }
    }
    return [start, start];
  });
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources()) {
    const targets = specifiersOf(readFileSync(file, 'utf8'))
      .map((s) => resolveRelative(file, s))
      .filter((t): t is string => t !== null);
    graph.set(relative(ROOT, file), [...new Set(targets.map((t) => relative(ROOT, t)))]);
  }
  return graph;
}

describe('import circles', () => {
  it('there are none among the source files', () => {
    const cycles = findCycles(importGraph()).map((c) => c.join(' → '));
    expect(cycles).toEqual([]);
  });

  it('the app never loads build tooling: nothing outside electron/launch imports from it', () => {
    const graph = importGraph();
    const offenders = [...graph].flatMap(([file, targets]) =>
      file.startsWith('electron/launch/') ? [] : targets.filter((t) => t.startsWith('electron/launch/')).map((t) => `${file} → ${t}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the graph is real: imports resolve to files, across folders', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('electron/api/dispatch.ts')).toContain('shared/api/validate.ts');
    expect(graph.get('electron/main/main.ts')).toContain('electron/main/native-binding.ts');
    expect(graph.get('renderer/App.tsx')).toContain('renderer/api/client.ts');
  });

  it('the finder reports a circle as a path back to its start, and a self-import', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(
      findCycles(g)
        .map((c) => c.join(' → '))
        .sort(),
    ).toEqual(['a.ts → b.ts → c.ts → a.ts', 'e.ts → e.ts']);
    expect(
      findCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('the parser sees type-only imports, re-exports and import(), and skips comments', () => {
    const text = [
      "import type { A } from './a.js';",
      "import { b, type B } from '../b.js';",
      "export { c } from './c.js';",
      "export * from './d.js';",
      "import './side.js';",
      "const e = await import('./e.js');",
      "// import { x } from './commented.js';",
      "/* import { y } from './block.js'; */",
    ].join('\n');
    expect(specifiersOf(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './side.js', './e.js']);
  });
});
