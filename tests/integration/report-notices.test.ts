/**
 * What the Report part says when a comparison is thin, on real reports from a real project:
 * two coders who share no document, a code nobody used, an empty document; and that the export
 * still writes a file for them, with every statistic undefined and its reason listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/api/handlers.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { explainReportError, reportNotices } from '../../renderer/compare/export/edge-cases.js';
import { addText, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
let h: ReturnType<typeof createHandlers>;
beforeAll(() => {
  p = tempProject({ empty: true });
  addText(p.session, 'one.txt', 'Officer: We talk every morning before count.\nResident: He listens, mostly.\n');
  addText(p.session, 'two.txt', 'Officer: First names only on the unit.\nResident: That is the rule here.\n');
  createCode(p.session, null, 'Rapport');
  createCode(p.session, null, 'Boundaries');
  addCoder(p.session, 'Alice');
  addCoder(p.session, 'Bob');
  applyCoding(p.session, { document: 'one.txt', code: 'Rapport', coder: 'Alice', start: 9, end: 30 });
  applyCoding(p.session, { document: 'two.txt', code: 'Rapport', coder: 'Bob', start: 9, end: 30 });
  h = createHandlers(p.session);
});
afterAll(() => p.done());

const guids = async () => {
  const coders = await h['coders.list']();
  return [coders.find((c) => c.name === 'Alice')!.guid, coders.find((c) => c.name === 'Bob')!.guid] as [string, string];
};

describe('Report notices', () => {
  it('says what to do when two coders share no document; the export refuses in the same words', async () => {
    const pair = await guids();
    const err = await Promise.resolve()
      .then(() => h['agreement.report']({ coders: pair }))
      .then(
        () => '',
        (e: Error) => e.message,
      );
    expect(err).toBe('Alice and Bob have no document in common to compare');
    expect(explainReportError(err)).toBe(
      'Alice and Bob have no document in common to compare: agreement needs transcripts both of them coded. Have each coder code the same documents (or merge the project in which they did), or choose another pair.',
    );
    await expect(Promise.resolve().then(() => h['agreement.export']({ coders: pair, format: 'md' }))).rejects.toThrow(err);
  });

  it('names a code nobody used and an empty document, and the export lists the code', async () => {
    applyCoding(p.session, { document: 'one.txt', code: 'Rapport', coder: 'Bob', start: 12, end: 30 });
    addText(p.session, 'empty.txt', '');
    const pair = await guids();
    const docs = await h['documents.list']();
    expect(docs.find((d) => d.name === 'empty.txt')?.length).toBe(0);
    const report = await h['agreement.report']({ coders: pair });
    const codes = (await h['codebook.list']({})).map((c) => c.path);
    const notices = reportNotices(report, docs, ['Alice', 'Bob'], codes);
    expect(notices.find((n) => n.kind === 'unused-codes')?.text).toMatch(/^1 code in scope nobody used in these documents \(Boundaries\): /);
    expect(notices.find((n) => n.kind === 'empty-documents')?.text).toBe(
      'empty.txt has no text (0 characters): nothing in it can be coded, so it adds nothing to the statistics.',
    );
    const md = Buffer.from((await h['agreement.export']({ coders: pair, format: 'md' })).base64, 'base64').toString('utf8');
    expect(md).toContain('- **Codes nobody used:** Boundaries (');
    expect(md).toContain('- **Documents compared:** one.txt');
  });
});
