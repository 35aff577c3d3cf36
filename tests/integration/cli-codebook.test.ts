/**
 * The marginalia CLI on the code book: the tree with counts, fuzzy find, editing codes, and code
 * book exchange files — on the fixtures, each test in its own temp folder with a real project file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate, cleanup, cli, dump, expectFailure, freshDir, ok, okJson, projectFrom } from './cli-harness.js';

let template: string;
beforeAll(() => {
  template = buildTemplate({ formats: false });
}, 60_000);
afterAll(cleanup);

describe('marginalia CLI: code book', () => {
  it('codes lists the tree with counts, finds fuzzily, and add/rename/color/edit/move/merge/delete work', () => {
    const p = projectFrom(template);
    const tree = ok(['codes', p]);
    expect(tree.split('\n')[0]).toMatch(/^CODE\s+CODINGS\s+TOTAL\s+COLOUR$/);
    expect(tree).toMatch(/^Dynamic security\s+0\s+55\s+#[0-9a-f]{6}$/m);
    expect(tree).toMatch(/^ {2}Rapport\s+8\s+17\s+#/m);
    expect(tree).toMatch(/^ {4}Information flow\s+9\s+9\s+#/m);
    expect(ok(['codes', p, '--find', 'informaton flow']).split('\n')[1]).toMatch(/^Dynamic security\/Rapport\/Information flow\s/);

    const R = 'Dynamic security/Rapport';
    expect(ok(['codes', 'add', p, `${R}/Small talk`, '--color', '#AABBCC', '--definition', 'Chat about nothing'])).toMatch(
      /^Added code Dynamic security\/Rapport\/Small talk \(#aabbcc\)\n$/,
    );
    ok(['codes', 'rename', p, 'dynamic security/rapport/small talk', 'Chit-chat']);
    ok(['codes', 'color', p, `${R}/Chit-chat`, '#112233']);
    ok(['codes', 'edit', p, `${R}/Chit-chat`, '--inclusion', 'Weather, sport', '--example', 'Cold out today.']);
    ok(['codes', 'move', p, `${R}/Chit-chat`, '--top', '--position', '1']);
    const moved = okJson<{ path: string; color: string; definition: string; inclusion: string; example: string }[]>(['codes', p]);
    expect(moved[0]).toMatchObject({
      path: 'Chit-chat',
      color: '#112233',
      definition: 'Chat about nothing',
      inclusion: 'Weather, sport',
      example: 'Cold out today.',
    });
    ok(['codes', 'move', p, 'Chit-chat', '--to', R]);

    // Bob coded Rapport inside his own Information flow span: after the merge those two are one coding.
    expect(ok(['codes', 'merge', p, `${R}/Information flow`, R])).toBe(
      `Merged ${R}/Information flow into ${R}: 9 codings moved, 1 joined with overlapping codings\n`,
    );
    const before = dump(p);
    expectFailure(
      cli(['codes', 'delete', p, R]),
      /deleting Dynamic security\/Rapport would also delete 5 sub-codes and 16 codings; nothing deleted \(add --yes/,
    );
    expect(dump(p)).toBe(before);
    expect(ok(['codes', 'delete', p, R, '--yes'])).toBe(`Deleted ${R}, 5 sub-codes and 16 codings\n`);
    const after = okJson<{ path: string }[]>(['codes', p]).map((c) => c.path);
    expect(after.some((x) => x.startsWith(R))).toBe(false);
    expect(after).toContain('Dynamic security/Boundaries');
  });

  it('codebook export (JSON to a file, CSV to stdout) and import round-trip, with --update', () => {
    const p = projectFrom(template);
    const dir = freshDir();
    const json = join(dir, 'codebook.json');
    expect(ok(['codebook', 'export', p, '--format', 'json', '-o', json])).toBe(`Wrote 41 codes to ${json} (JSON)\n`);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ format: 'marginalia-codebook', codes: [{ name: 'Dynamic security' }] });
    const csv = ok(['codebook', 'export', p, '--format', 'csv']);
    expect(csv.split('\n')[0]).toMatch(/^path,/);
    expect(csv.trimEnd().split('\n')).toHaveLength(42);

    const q = join(dir, 'copy.marginalia');
    ok(['init', q, '--empty']);
    expect(ok(['codebook', 'import', q, json]).split('\n')[0]).toBe('codebook.json: 41 codes added, 0 already present, 0 updated');
    ok(['codes', 'edit', q, 'Dynamic security', '--definition', 'Changed here']);
    expect(ok(['codebook', 'import', q, json])).toMatch(/1 code left as they are although the file's fields differ[^\n]*\n {2}differs {2}Dynamic security/);
    expect(ok(['codebook', 'import', q, json, '--update'])).toMatch(/41 already present, 1 updated\n {2}updated {2}Dynamic security/);
    expect(ok(['codebook', 'export', q, '--format', 'json'])).toBe(readFileSync(json, 'utf8'));
  });
});
