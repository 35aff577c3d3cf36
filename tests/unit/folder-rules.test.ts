/**
 * The folder rules of design.md, made mechanical: every import in every source file is
 * checked against what its folder may depend on.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SHELL_FILES = /^electron\/(main|preload|window|security|ipc|menu)(\/.*)?\.(ts|tsx)$|^electron\/shell\//;

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts)$/.test(name)) out.push(relative(ROOT, p));
    }
  };
  try {
    walk(join(ROOT, dir));
  } catch {
    /* folder not there yet */
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const re = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...text.matchAll(re)].map((m) => m[1] ?? m[2]!).filter(Boolean);
}

const isNode = (s: string) => s.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util'].includes(s);

function violations(folder: string, rule: (spec: string, file: string) => string | null): string[] {
  const out: string[] = [];
  for (const f of sources(folder)) for (const spec of importsOf(f)) {
    const why = rule(spec, f);
    if (why) out.push(`${f}: imports "${spec}" (${why})`);
  }
  return out;
}

describe('folder rules', () => {
  it('shared/ is pure: no node built-ins, electron, db, native modules or renderer', () => {
    expect(
      violations('shared', (s) =>
        isNode(s) ? 'node built-in' : s === 'electron' ? 'electron' : /(^|\/)(db|electron|renderer)\//.test(s) ? 'another layer' : s === 'better-sqlite3' ? 'native module' : null,
      ),
    ).toEqual([]);
  });

  it('db/ never imports electron, the services or the renderer', () => {
    expect(violations('db', (s) => (s === 'electron' ? 'electron' : /(^|\/)(electron|renderer)\//.test(s) ? 'another layer' : null))).toEqual([]);
  });

  it('renderer/ talks only to shared/: no node, db, electron or native modules', () => {
    // vite.config.ts runs in Node at build time; it is not part of the renderer.
    expect(
      violations('renderer', (s, f) => (f.endsWith('vite.config.ts') ? null : isNode(s) ? 'node built-in' : s === 'electron' || s === 'better-sqlite3' ? s : /(^|\/)(db|electron)\//.test(s) ? 'another layer' : null)),
    ).toEqual([]);
  });

  it('only the Electron shell files import electron', () => {
    expect(violations('electron', (s, f) => (s === 'electron' && !SHELL_FILES.test(f) ? 'outside the shell files' : null))).toEqual([]);
  });

  it('the rule checker sees real imports (guard against a regex that matches nothing)', () => {
    expect(importsOf('db/open.ts')).toContain('better-sqlite3');
    expect(importsOf('electron/services/documents.ts')).toContain('node:crypto');
  });
});
