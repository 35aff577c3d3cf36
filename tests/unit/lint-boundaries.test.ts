/**
 * The lint walls must keep naming real folders: a rule for a folder that was renamed or removed
 * silently checks nothing. Every `files` / `ignores` glob of the boundary blocks in
 * eslint.config.mjs must match at least one file, and each zone must still reject what it forbids.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SKIP = new Set(['node_modules', '.git', '.tmp', 'dist', 'out', 'test-results', 'playwright-report']);

function allFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (SKIP.has(name)) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(ROOT, p).split('\\').join('/'));
    }
  };
  walk(ROOT);
  return out;
}

/** The glob forms the config uses: `**` (any depth), `*` (within one name), and literal paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

interface Block {
  name?: string;
  files?: (string | string[])[];
  ignores?: string[];
}

let blocks: Block[] = [];
let files: string[] = [];
beforeAll(async () => {
  const config: { default: Block[] } = await import(pathToFileURL(join(ROOT, 'eslint.config.mjs')).href);
  blocks = config.default.filter((b) => /^(boundaries|TEMPORARY)/.test(b.name ?? ''));
  files = allFiles();
});

describe('the lint boundary config', () => {
  it('has a block for every folder of design.md', () => {
    expect(blocks.map((b) => b.name)).toEqual(
      expect.arrayContaining(['boundaries/shared', 'boundaries/renderer', 'boundaries/db', 'boundaries/services', 'boundaries/shell', 'boundaries/cli']),
    );
  });

  it('names no folder or file that does not exist', () => {
    const globs = blocks.flatMap((b) => [...(b.files ?? []).flat(), ...(b.ignores ?? [])].map((g) => ({ block: b.name, glob: g })));
    expect(globs.length).toBeGreaterThan(10);
    const dead = globs.filter(({ glob }) => !files.some((f) => globToRegExp(glob).test(f)));
    expect(dead).toEqual([]);
  });

  it('the glob matcher can fail', () => {
    expect(files.some((f) => globToRegExp('electron/services/**').test(f))).toBe(true);
    expect(files.some((f) => globToRegExp('electron/servicez/**').test(f))).toBe(false);
    expect(globToRegExp('shared/*').test('shared/api/contract.ts')).toBe(false);
  });
});

describe('each zone rejects what it forbids', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const problems = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
    return result!.messages.map((m) => m.ruleId);
  };
  const cases: [string, string, string][] = [
    ['shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", '@typescript-eslint/no-restricted-imports'],
    ['shared/probe.ts', 'export const x = process.env;\n', 'no-restricted-globals'],
    ['renderer/probe.ts', "import { z } from 'zod';\nexport const x = z;\n", '@typescript-eslint/no-restricted-imports'],
    ['db/probe.ts', "import { app } from 'electron';\nexport const x = app;\n", '@typescript-eslint/no-restricted-imports'],
    ['electron/services/probe.ts', "import { x } from '../main/state.js';\nexport { x };\n", '@typescript-eslint/no-restricted-imports'],
    ['electron/cli/commands/probe.ts', "export const x = () => import('../../services/codings.js');\n", 'no-restricted-syntax'],
    ['electron/main/probe.ts', "import { x } from '../../db/queries/codes.js';\nexport { x };\n", '@typescript-eslint/no-restricted-imports'],
    ['electron/api/probe.ts', "import { app } from 'electron';\nexport const x = app;\n", '@typescript-eslint/no-restricted-imports'],
    ['tests/unit/probe.ts', "import { join } from 'path';\nexport const x = join;\n", '@typescript-eslint/no-restricted-imports'],
  ];
  it.each(cases)('%s: a forbidden import is reported (case %#)', async (file, code, rule) => {
    expect(await problems(file, code)).toContain(rule);
  });

  it('allows what the layering allows', async () => {
    expect(await problems('electron/main/probe.ts', "import { app } from 'electron';\nimport { x } from '../api/door.js';\nexport { app, x };\n")).toEqual([]);
    expect(await problems('renderer/probe.ts', "import type { ApiMethod } from '../shared/api/contract.js';\nexport type X = ApiMethod;\n")).toEqual([]);
  });
});
