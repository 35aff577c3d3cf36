/**
 * The Electron shell reaches projects only through the door (electron/api/): no file under
 * electron/main/ imports a service or the database layer, statically, dynamically or for types.
 * (The CLI's side of the same rule: one-door.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHELL = join(ROOT, 'electron', 'main');
const FORBIDDEN = [join(ROOT, 'electron', 'services'), join(ROOT, 'db')];

/** Every module specifier in a file: import/export … from '…', import('…'), import '…'. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) out.push(m[1]!);
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.(ts|mts|js|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the Electron shell goes through the door', () => {
  it('finds specifiers of every import form', () => {
    const src = `import a from '../x.js';\nimport type { B } from "../../db/y.js";\nexport { c } from './c.js';\nconst d = await import('../services/d.js');\nimport './side.js';`;
    expect(specifiers(src)).toEqual(['../x.js', '../../db/y.js', './c.js', '../services/d.js', './side.js']);
  });

  it('no file in electron/main imports electron/services or db', () => {
    const files = filesUnder(SHELL);
    expect(files.length).toBeGreaterThan(5);
    const offending: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (FORBIDDEN.some((f) => target === f || target.startsWith(f + '/'))) offending.push(`${relative(ROOT, file)} → ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
