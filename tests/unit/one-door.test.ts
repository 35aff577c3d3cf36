/**
 * One door (issue 9, point 1): the CLI and the Electron shell reach a project only through the
 * contract (electron/api/door.ts → dispatch → handlers), never by importing a service or the
 * database layer; and every CLI command says which contract methods it calls, and calls them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isApiMethod } from '../../shared/api/contract.js';
import { commandList } from '../../electron/cli/commands/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const rel = (abs: string) => relative(ROOT, abs).split('\\').join('/');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|mjs|js|cjs)$/.test(e.name) ? [path] : [];
  });
}

/** Every module a file imports: static, dynamic, re-exports and side-effect imports alike. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  return specs.filter((s) => s.startsWith('.')).map((s) => rel(resolve(dirname(join(ROOT, file)), s)));
}

const FORBIDDEN = /^(electron\/services|db)(\/|\.|$)/;

describe('the one door', () => {
  it('no file of the CLI or the Electron shell imports a service or the database layer', () => {
    const files = [...sourceFiles('electron/cli'), ...sourceFiles('electron/main'), 'electron/preload.ts'];
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => importsOf(f).some((i) => FORBIDDEN.test(i)));
    expect(offenders).toEqual([]);
  });

  it('sees through every form of import (so the check above can fail)', () => {
    const forms = importsOf('electron/api/handlers/exchange.ts');
    expect(forms).toContain('electron/services/import-paths.js');
    expect(importsOf('electron/cli/command.ts')).toContain('electron/api/door.js');
  });
});

/** The text of one command's spec in its file: from its `name:` to the next export. */
function commandBlock(text: string, name: string): string | undefined {
  const at = text.indexOf(`name: '${name}'`);
  if (at < 0) return undefined;
  const next = text.indexOf('\nexport ', at);
  return text.slice(at, next < 0 ? undefined : next);
}

/** `door.call('m', …)`, and `callWithoutProject('m', …)` for the one call that needs no project. */
const callsIn = (text: string) => new Set([...text.matchAll(/(?:\.call|\bcallWithoutProject)\(\s*'([\w.]+)'/g)].map((m) => m[1]!));

/** Calls made by the CLI helpers a file imports (resolve.ts and the like), transitively. */
function helperCalls(file: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  for (const i of importsOf(file)) {
    const path = i.replace(/\.js$/, '.ts');
    if (!path.startsWith('electron/cli/') || path.startsWith('electron/cli/commands/') || seen.has(path)) continue;
    seen.add(path);
    for (const m of callsIn(readFileSync(join(ROOT, path), 'utf8'))) out.add(m);
    for (const m of helperCalls(path, seen)) out.add(m);
  }
  return out;
}

describe('every CLI command maps to contract methods', () => {
  const files = sourceFiles('electron/cli/commands').filter((f) => !f.endsWith('/index.ts'));
  const texts = new Map(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

  it.each(commandList.map((c) => ({ name: c.name, command: c })))('$name', ({ name, command }) => {
    const calls = command.calls ?? [];
    expect(calls.length, `${name}: declare the contract methods it calls in \`calls\``).toBeGreaterThan(0);
    for (const m of calls) expect(isApiMethod(m), `${name}: "${m}" is not a contract method`).toBe(true);

    const file = files.find((f) => commandBlock(texts.get(f)!, name) !== undefined);
    expect(file, `${name}: no command file holds its spec`).toBeDefined();
    const text = texts.get(file!)!;
    const own = callsIn(commandBlock(text, name)!);
    // Calls outside any spec (helpers in the same file) and in the CLI helpers it imports.
    const shared = new Set([...callsIn(text), ...helperCalls(file!)]);
    for (const m of calls) expect(own.has(m) || shared.has(m), `${name}: declares ${m} but ${file} never calls it through the door`).toBe(true);
    for (const m of own) expect(calls, `${name}: calls ${m} without declaring it`).toContain(m);
  });
});
