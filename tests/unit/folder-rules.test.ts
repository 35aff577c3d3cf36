/**
 * The folder rules of design.md that lint cannot see. ESLint (lint/boundaries.json) checks each
 * file's own imports; this follows the value imports from the renderer's and shared/'s files
 * through every file they reach, so a module that is allowed on its own (a shared/ file) cannot
 * carry zod, Node or Electron into the page by importing it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(ROOT, p));
    }
  };
  walk(join(ROOT, dir));
  return out;
}

/** Specifiers a file imports for their values: `import type`, `export type` and all-`type` lists are erased by TypeScript. */
export function valueImportsOf(text: string): string[] {
  const out: string[] = [];
  const imports = /^\s*import\s+(type\s+)?(?:([\w*{}\s,$]+?)\s+from\s+)?['"]([^'"]+)['"]/gm;
  const reExports = /^\s*export\s+(type\s+)?([\w*{}\s,$]+?)\s+from\s+['"]([^'"]+)['"]/gm;
  const found = [...text.matchAll(imports), ...text.matchAll(reExports)].sort((a, b) => a.index - b.index);
  for (const m of found) {
    if (m[1]) continue;
    const list = /^\{([^}]*)\}$/.exec((m[2] ?? '').trim());
    if (list && list[1]!.split(',').every((s) => s.trim() === '' || /^type\s/.test(s.trim()))) continue;
    out.push(m[3]!);
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** The file a relative specifier names ('./x.js' is x.ts or x.tsx), or null for a package. */
function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.') || /\.(css|svg|png|json)$/.test(spec)) return null;
  const base = join(dirname(from), spec).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(join(ROOT, candidate))) return candidate;
  throw new Error(`${from}: cannot resolve "${spec}"`);
}

/** Every package reached from `entries` by value imports, with the chain of files that brings it in. */
function packagesReached(entries: string[]): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImportsOf(readFileSync(join(ROOT, file), 'utf8'))) {
      const local = resolveLocal(file, spec);
      if (local) visit(local, [...chain, local]);
      else if (!reached.has(spec)) reached.set(spec, chain);
    }
  };
  for (const e of entries) visit(e, [e]);
  return reached;
}

const offending = (reached: Map<string, string[]>, bad: (pkg: string) => boolean) =>
  [...reached].filter(([pkg]) => bad(pkg)).map(([pkg, chain]) => `${pkg} via ${chain.join(' -> ')}`);

describe('folder rules across files', () => {
  it('the renderer reaches no zod, Node built-in, Electron or native module through any file it imports', () => {
    const entries = sources('renderer').filter((f) => f !== 'renderer/vite.config.ts');
    const reached = packagesReached(entries);
    expect(reached.has('react')).toBe(true);
    expect(offending(reached, (p) => p === 'zod' || p.startsWith('zod/') || p.startsWith('node:') || p === 'electron' || p === 'better-sqlite3')).toEqual([]);
  });

  it('shared/ reaches no Node built-in, Electron or native module through any file it imports', () => {
    const reached = packagesReached(sources('shared'));
    expect(reached.has('zod')).toBe(true);
    expect(offending(reached, (p) => p.startsWith('node:') || p === 'electron' || p === 'better-sqlite3' || p === 'drizzle-orm')).toEqual([]);
  });

  it('the import reader skips type-only imports and sees value imports (so the checks above can fail)', () => {
    const text = [
      "import type { A } from 'zod';",
      "import { type B, type C } from 'node:fs';",
      "export type { D } from 'electron';",
      "import { z } from 'zod';",
      "import { type E, readFileSync } from 'node:fs';",
      "export { x } from './x.js';",
      "const m = await import('better-sqlite3');",
    ].join('\n');
    expect(valueImportsOf(text)).toEqual(['zod', 'node:fs', './x.js', 'better-sqlite3']);
    expect(offending(packagesReached(['shared/api/validate.ts']), (p) => p === 'zod')).toEqual(['zod via shared/api/validate.ts -> shared/api/contract.ts']);
  });
});
