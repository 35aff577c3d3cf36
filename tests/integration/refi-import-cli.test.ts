/**
 * `marginalia qdpx import` and `marginalia codebook import PROJECT FILE.qdc` as a user runs them
 * (the real CLI as a child process): the report printed, --json with every count, the new
 * project readable, and refusals in one line with nothing written or changed.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RefiCodebookImportReport, RefiProjectImportReport } from '../../shared/api/types-refi-import.js';
import { cleanup, cli, dump, expectFailure, fixture, freshDir, ok, okJson } from './cli-harness.js';

afterAll(() => cleanup());

describe('marginalia qdpx import', () => {
  it('imports into a new project and prints the report', () => {
    const out = join(freshDir(), 'atlas.marginalia');
    const text = ok(['qdpx', 'import', fixture('refi', 'atlas-style.qdpx'), '-o', out]);
    expect(text).toMatch(/^Imported atlas-style\.qdpx \(Trial\.qde, written by ATLAS\.ti 23\.2\.1\) into /);
    expect(text).toMatch(/2 documents, 5 codings, 6 codes, 2 coders/);
    expect(text).toMatch(/Skipped \(.*\d+ source.*\):/);
    expect(text).toMatch(/source\s+Site visit\.mp4: video sources cannot be imported/);
    const docs = okJson<{ name: string }[]>(['docs', out]);
    expect(docs.map((d) => d.name).sort()).toEqual(['CO-01 interview', 'Resident and officer']);
  });

  it('--json prints the whole report', () => {
    const out = join(freshDir(), 'nvivo.marginalia');
    const r = okJson<RefiProjectImportReport>(['qdpx', 'import', fixture('refi', 'nvivo-style.qdpx'), '-o', out]);
    expect(r.counts).toEqual({ coders: 1, codes: 3, documents: 2, codings: 6, cases: 0, attributes: 0, values: 0, memos: 0 });
    expect(r.origin).toBe('NVivo 14 (14.23.0.17)');
  });

  it('refuses an existing PROJECT and leaves it as it was', () => {
    const dir = freshDir();
    const out = join(dir, 'taken.marginalia');
    ok(['init', out]);
    const before = dump(out);
    expectFailure(cli(['qdpx', 'import', fixture('refi', 'handmade.qdpx'), '-o', out]), /^marginalia: taken\.marginalia: already exists/);
    expect(dump(out)).toBe(before);
  });

  it('refuses a file that is not a .qdpx, writing nothing', () => {
    const dir = freshDir();
    const bad = join(dir, 'notes.qdpx');
    writeFileSync(bad, 'plain text');
    expectFailure(cli(['qdpx', 'import', bad, '-o', join(dir, 'new.marginalia')]), /^marginalia: notes\.qdpx: not a REFI-QDA project/);
    expect(readdirSync(dir)).toEqual(['notes.qdpx']);
  });

  it('without -o is a usage error', () => {
    const r = cli(['qdpx', 'import', fixture('refi', 'handmade.qdpx')]);
    expect(r.code).toBe(2);
  });
});

describe('marginalia codebook import PROJECT FILE.qdc', () => {
  it('merges a .qdc into the code book and prints what it added', () => {
    const project = join(freshDir(), 'study.marginalia');
    ok(['init', project, '--empty']);
    const text = ok(['codebook', 'import', project, fixture('refi', 'taguette.qdc')]);
    expect(text).toMatch(/^taguette\.qdc: 3 codes added, 0 already present/);
    expect(text).toMatch(/added\s+trust/);
    const again = okJson<RefiCodebookImportReport>(['codebook', 'import', project, fixture('refi', 'taguette.qdc')]);
    expect(again).toMatchObject({ created: [], matched: 3 });
    expect(existsSync(project)).toBe(true);
  });
});
