/**
 * The marginalia CLI end to end, as a researcher would use it: help, projects and documents, on
 * the fixtures, each test in its own temp folder with a real project file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate, cleanup, cli, dump, fixture, freshDir, ok, okJson, projectFrom } from './cli-harness.js';

let template: string;
beforeAll(() => {
  template = buildTemplate();
}, 60_000);
afterAll(cleanup);

const OFFSETS = 'Offsets are UTF-16 code units into the stored document text (BOM stripped, CRLF→LF), half-open [start,end)';

describe('marginalia CLI: help, projects, documents', () => {
  it('prints help for every command, with the offset convention and the project extension', () => {
    const top = ok(['--help']);
    for (const name of [
      'init',
      'info',
      'import',
      'docs',
      'doc rename',
      'doc delete',
      'doc show',
      'doc case',
      'codebook export',
      'codebook import',
      'codes',
      'codes add',
      'codes rename',
      'codes color',
      'codes edit',
      'codes move',
      'codes merge',
      'codes delete',
      'coders',
      'coders add',
      'code',
      'uncode',
      'resize',
      'recode',
      'coding-memo',
      'codings import',
      'codings export',
      'search',
      'retrieve',
      'attributes import',
      'cases',
      'memo',
      'log',
    ]) {
      expect(top).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    expect(top).toContain(OFFSETS);
    expect(top).toContain('.marginalia');
    expect(top).toMatch(/--json/);
    expect(top).toMatch(/--as NAME/);

    const code = ok(['code', '--help']);
    expect(code).toMatch(/^Usage: marginalia code PROJECT/);
    for (const flag of ['--doc NAME', '--code PATH', '--coder NAME', '--start N', '--end N', '--memo TEXT', '--json', '--as NAME'])
      expect(code).toContain(flag);
    expect(code).toContain('UTF-16 code units');
    expect(ok(['help', 'doc', 'delete'])).toMatch(/^Usage: marginalia doc delete PROJECT NAME/);
  });

  it('init creates a project (default code book, or --empty with --name; any path), info describes it', () => {
    const dir = freshDir();
    const full = okJson<{ codes: number }>(['init', join(dir, 'study.marginalia')]);
    expect(full).toMatchObject({ name: 'study', documents: 0, codings: 0, coders: [] });
    expect(full.codes).toBeGreaterThan(30);

    const bare = join(dir, 'pilot');
    expect(ok(['init', bare, '--empty', '--name', 'Pilot study'])).toBe('Created pilot (project "Pilot study", 0 codes)\n');
    const info = ok(['info', bare]);
    expect(info).toMatch(/^Project:\s+Pilot study$/m);
    expect(info).toMatch(/^Codes:\s+0$/m);
    expect(info).toMatch(/^Schema:\s+\d+$/m);
  });

  it('import reports documents, turns and warnings, skips duplicates, and assigns a case', () => {
    const p = projectFrom(template);
    const r = okJson<{ imported: { warnings: string[] }[]; skipped: unknown[] }>([
      'import',
      p,
      fixture('transcripts', 'co-01.txt'),
      fixture('bad', 'windows-1252.txt'),
      '--case',
      'Pilot',
    ]);
    expect(r.imported).toHaveLength(1);
    expect(r.imported[0]).toMatchObject({ name: 'windows-1252.txt', length: 323, turns: 4 });
    expect(r.imported[0]!.warnings.join(' ')).toMatch(/Windows-1252/);
    expect(r.skipped).toEqual([{ file: fixture('transcripts', 'co-01.txt'), reason: 'duplicate', duplicateOf: 'co-01.txt' }]);

    expect(ok(['import', p, fixture('transcripts', 'co-02.txt')])).toBe('Imported nothing.\nskipped co-02.txt: same text as co-02.txt\n');
    const human = ok(['import', p, fixture('transcripts', 'co-02.txt'), '--allow-duplicates']);
    expect(human).toMatch(/^Imported 1 document:$/m);
    expect(human).toMatch(/^co-02 \(2\)\.txt\s+3924\s+19\s+\S*co-02\.txt$/m);

    const table = ok(['docs', p]);
    expect(table.split('\n')[0]).toMatch(/^ID\s+NAME\s+LENGTH\s+TURNS\s+CASE\s+CODINGS$/);
    expect(table).toMatch(/^\s*1\s+co-01\.txt\s+5661\s+21\s+-\s+19$/m);
    expect(table).toMatch(/^\s*\d+\s+windows-1252\.txt\s+323\s+4\s+Pilot\s+0$/m);
    expect(table.trimEnd().split('\n')).toHaveLength(1 + 14);
  });

  it('doc show prints the stored text (BOM gone, LF only), doc rename/case set names and cases', () => {
    const p = projectFrom(template);
    const shown = ok(['doc', 'show', p, 'ip-03-crlf.txt']);
    const source = readFileSync(fixture('transcripts', 'ip-03-crlf.txt'), 'utf8');
    expect(source.startsWith('\uFEFF') && source.includes('\r\n')).toBe(true);
    expect(shown).not.toMatch(/[\r\uFEFF]/);
    expect(shown.replace(/\n$/, '')).toBe(
      source
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .replace(/\n$/, ''),
    );
    const data = okJson<{ length: number; text: string }>(['doc', 'show', p, 'ip-03-crlf.txt']);
    expect(data.length).toBe(4049);
    expect(data.text).toHaveLength(4049);

    const numbered = ok(['doc', 'show', p, 'co-03-norway.txt', '--lines']);
    expect(numbered).toMatch(/^ 3 {2}Officer Berg: Yes\. I work on an open unit/m);

    expect(ok(['doc', 'rename', p, 'co-01.docx', 'CO-01 (Word).docx'])).toBe('Renamed "co-01.docx" to "CO-01 (Word).docx"\n');
    ok(['doc', 'case', p, 'co-01 (word).docx', 'CO-01']);
    expect(ok(['doc', 'case', p, 'ip-01.txt', 'IP-01', '--speaker', 'PARTICIPANT'])).toBe('PARTICIPANT in "ip-01.txt" now belongs to case "IP-01"\n');
    const docs = okJson<{ name: string; caseName: string | null }[]>(['docs', p]);
    expect(docs.find((d) => d.name === 'CO-01 (Word).docx')?.caseName).toBe('CO-01');
    expect(docs.some((d) => d.name === 'co-01.docx')).toBe(false);
  });

  it('doc delete says what would go and changes nothing without --yes; deletes with --yes', () => {
    const p = projectFrom(template);
    const before = dump(p);
    const refused = cli(['doc', 'delete', p, 'co-01.txt', '--json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('marginalia: deleting "co-01.txt" would also delete 19 codings; nothing deleted (add --yes to delete)\n');
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'confirmation_required' }, data: { document: 'co-01.txt', codings: 19 } });
    expect(dump(p)).toBe(before);

    expect(ok(['doc', 'delete', p, 'co-01.txt', '--yes'])).toBe('Deleted "co-01.txt" and 19 codings\n');
    expect(okJson(['info', p])).toMatchObject({ documents: 11, codings: 36 });
  });
});
