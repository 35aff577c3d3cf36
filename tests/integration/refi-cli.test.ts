/**
 * `marginalia qdpx export` and `marginalia codebook export --format qdc` as a user runs them:
 * real files written, validated with xmllint, the project left unchanged, and bad output paths
 * refused in one line with nothing (not even a temporary file) left behind.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession } from '../../electron/services/session.js';
import { cleanup, cli, dump, expectFailure, freshDir, ok, okJson } from './cli-harness.js';
import { tempProject } from './helpers.js';
import { buildRefiProject } from './refi-project.js';
import { CODEBOOK_XSD, expectValid, PROJECT_XSD } from './refi-xmllint.js';

let project: string;
let dir: string;
beforeAll(() => {
  const t = tempProject({ empty: true });
  buildRefiProject(t.session);
  closeSession(t.session);
  project = t.path;
  dir = t.dir;
});
afterAll(() => {
  cleanup();
  rmTemp();
});
const rmTemp = () => rmSync(dir, { recursive: true, force: true });

describe('marginalia qdpx export', () => {
  it('writes a valid .qdpx, prints what it holds, and leaves the project unchanged', () => {
    const out = join(freshDir(), 'study.qdpx');
    const before = dump(project);
    const data = okJson<{ file: string; documents: number; codings: number; codes: number; users: number; bytes: number }>([
      'qdpx',
      'export',
      project,
      '-o',
      out,
    ]);
    expect(data).toMatchObject({ file: out, documents: 2, codes: 4, users: 2, codings: 7 });
    const files = unzipSync(readFileSync(out));
    expect(data.bytes).toBe(readFileSync(out).length);
    expectValid(strFromU8(files['project.qde']!), PROJECT_XSD);
    expect(dump(project)).toBe(before);
    expect(readdirSync(join(out, '..'))).toEqual(['study.qdpx']);
    expect(ok(['qdpx', 'export', project, '-o', out])).toMatch(
      /^Wrote .*study\.qdpx \(\d+\.\d KB\)\n {2}2 documents, 7 codings, 4 codes, 2 coders, 2 cases, 4 variables, 4 memos\n$/,
    );
  });

  it('refuses a missing folder, a wrong extension and a missing -o, writing nothing', () => {
    const d = freshDir();
    expectFailure(cli(['qdpx', 'export', project, '-o', join(d, 'nope', 'x.qdpx')]), /x\.qdpx: the folder .+nope does not exist\n$/);
    expectFailure(cli(['qdpx', 'export', project, '-o', join(d, 'x.zip')]), /x\.zip: a REFI-QDA project file must end in \.qdpx/);
    expectFailure(cli(['qdpx', 'export', project]), /-o FILE\.qdpx is required/, 2);
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('marginalia codebook export --format qdc', () => {
  it('writes a .qdc valid against Codebook.xsd, to a file or to stdout', () => {
    const out = join(freshDir(), 'codes.qdc');
    expect(ok(['codebook', 'export', project, '--format', 'qdc', '-o', out])).toBe(`Wrote 4 codes to ${out} (QDC)\n`);
    expectValid(readFileSync(out, 'utf8'), CODEBOOK_XSD);
    const stdout = ok(['codebook', 'export', project, '--format', 'qdc']);
    expect(stdout.trimEnd()).toBe(readFileSync(out, 'utf8').trimEnd());
    // the extension alone picks the format
    const byExt = join(freshDir(), 'book.qdc');
    ok(['codebook', 'export', project, '-o', byExt]);
    expect(readFileSync(byExt, 'utf8')).toBe(readFileSync(out, 'utf8'));
    expect(existsSync(`${byExt}.tmp`)).toBe(false);
  });
});
