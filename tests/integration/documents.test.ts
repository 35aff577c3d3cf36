import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { deleteDocument, documentContent, documentDeletionImpact, documents, importFiles, renameDocument } from '../../electron/services/documents.js';
import { MarginaliaError } from '../../shared/errors.js';
import { dumpProject, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

const T = 'fixtures/transcripts/';
const F = 'fixtures/formats/';
const B = 'fixtures/bad/';

describe('importing transcripts into a project', () => {
  it('imports every supported format with turns, cues and the normalised text', async () => {
    p = tempProject({ empty: true });
    const report = await importFiles(p.session, [
      `${T}co-01.txt`,
      `${T}ip-03-crlf.txt`,
      `${T}notes.md`,
      `${F}co-01.docx`,
      `${F}co-02.pdf`,
      `${F}ip-01.vtt`,
      `${F}ip-02.srt`,
    ]);
    // co-01.docx holds the same text as co-01.txt, so it is reported as a duplicate, not imported twice.
    expect(report.skipped).toEqual([{ file: `${F}co-01.docx`, reason: 'duplicate', duplicateOf: 'co-01.txt' }]);
    expect(report.imported.map((d) => d.name)).toEqual(['co-01.txt', 'ip-03-crlf.txt', 'notes.md', 'co-02.pdf', 'ip-01.vtt', 'ip-02.srt']);
    const crlf = documentContent(p.session, 'ip-03-crlf.txt');
    expect(crlf.text).not.toMatch(/\r|\uFEFF/);
    expect(crlf.text).toBe(
      readFileSync(`${T}ip-03-crlf.txt`, 'utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n/g, '\n'),
    );
    expect(new Set(crlf.turns.map((t) => t.speaker))).toEqual(new Set(['Interviewer', 'Participant']));
    const vtt = documentContent(p.session, 'ip-01.vtt');
    expect(vtt.cues.length).toBeGreaterThan(5);
    expect(vtt.cues.every((c) => c.endMs > c.beginMs && vtt.text.slice(c.start, c.end).trim().length > 0)).toBe(true);
    const pdf = documentContent(p.session, 'co-02.pdf');
    expect(pdf.text).toBe(
      readFileSync(`${T}co-02.txt`, 'utf8')
        .trim()
        .replace(/\n\s*\n/g, '\n\n'),
    );
    const list = documents(p.session);
    expect(list.find((d) => d.name === 'co-02.pdf')).toMatchObject({ format: 'pdf', length: pdf.text.length });
  });

  it('renames, and deletes a document with its codings after reporting how many', async () => {
    p = tempProject();
    await importFiles(p.session, [`${T}co-01.txt`, `${T}co-02.txt`]);
    addCoder(p.session, 'Alice');
    applyCoding(p.session, { document: 'co-01.txt', code: 'Dynamic security/Rapport', coder: 'Alice', start: 0, end: 40 });
    applyCoding(p.session, { document: 'co-01.txt', code: 'Dynamic security/Respect', coder: 'Alice', start: 50, end: 90 });
    renameDocument(p.session, 'co-01.txt', 'CO-01 Martin');
    expect(() => renameDocument(p.session, 'co-02.txt', 'co-01 martin')).toThrow(/already exists/);
    const guid = documents(p.session).find((d) => d.name === 'CO-01 Martin')!.guid;
    expect(documentDeletionImpact(p.session, 'CO-01 Martin')).toEqual({ guid, document: 'CO-01 Martin', codings: 2 });
    expect(deleteDocument(p.session, 'CO-01 Martin')).toEqual({ guid, document: 'CO-01 Martin', codings: 2 });
    expect(documents(p.session).map((d) => d.name)).toEqual(['co-02.txt']);
    const { n } = p.session.project.sqlite.prepare('SELECT count(*) AS n FROM codings').get() as { n: number };
    expect(n).toBe(0);
    const ev = p.session.project.sqlite.prepare("SELECT before FROM events WHERE action = 'document.delete'").get() as { before: string };
    expect(JSON.parse(ev.before).codings).toHaveLength(2);
    expect(JSON.parse(ev.before).text.length).toBeGreaterThan(1000);
  });

  it('rejects a batch with one bad file and imports nothing', async () => {
    p = tempProject({ empty: true });
    const before = dumpProject(p.session);
    const bad: [string, string, RegExp][] = [
      [`${B}empty.txt`, 'empty_file', /^empty\.txt: /],
      [`${B}binary.txt`, 'binary_file', /^binary\.txt: .*binary/],
      [`${B}corrupt.docx`, 'corrupt_file', /^corrupt\.docx: /],
      [`${B}truncated.docx`, 'corrupt_file', /^truncated\.docx: /],
      [`${B}encrypted.docx`, 'encrypted_file', /^encrypted\.docx: .*password/],
      [`${B}truncated.pdf`, 'corrupt_file', /^truncated\.pdf: /],
      [`${B}encrypted.pdf`, 'encrypted_file', /^encrypted\.pdf: .*password/],
      [`${B}notes.xyz`, 'unsupported_format', /^notes\.xyz: /],
    ];
    for (const [file, code, message] of bad) {
      const err = await importFiles(p.session, [`${T}co-01.txt`, file]).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, file).toBeInstanceOf(MarginaliaError);
      expect((err as MarginaliaError).code, file).toBe(code);
      expect((err as MarginaliaError).message, file).toMatch(message);
      expect((err as MarginaliaError).message).not.toContain('\n');
    }
    const tooBig = await importFiles(p.session, [`${T}co-01.txt`], { maxBytes: 1000 }).catch((e: MarginaliaError) => e);
    expect(tooBig).toMatchObject({ code: 'too_large' });
    expect((tooBig as Error).message).toMatch(/^co-01\.txt: .*--max-size/);
    expect(dumpProject(p.session)).toBe(before);
  });

  it('decodes Windows-1252 and UTF-16 transcripts', async () => {
    p = tempProject({ empty: true });
    const r = await importFiles(p.session, [`${B}windows-1252.txt`, `${B}utf16le-bom.txt`]);
    expect(r.imported[0]!.warnings.join(' ')).toMatch(/Windows-1252/);
    expect(documentContent(p.session, 'windows-1252.txt').text).toMatch(/é/);
    expect(documentContent(p.session, 'utf16le-bom.txt').text).not.toMatch(/\uFEFF/);
    const dup = await importFiles(p.session, [`${B}utf16be-bom.txt`]);
    expect(dup.skipped.length + dup.imported.length).toBe(1);
  });
});
