/**
 * The project the excerpt-export tests read back, with every number hand-counted:
 * five interviews, one case each (role and institution as attributes), the code book
 * Dynamic security › Rapport, Boundaries (+ an unexported "Other"), codings by Alice and Bob.
 *
 *   theme              cases coded (all coders)        prevalence   (Alice only)
 *   Dynamic security   CO-01 CO-02 CO-03 IP-01 IP-02   5 of 5 100%  5 of 5
 *   Rapport            CO-01 CO-02 IP-01               3 of 5  60%  2 of 5 (IP-01 is Bob's)
 *   Boundaries         CO-01 CO-03 IP-02               3 of 5  60%  3 of 5
 *
 * Run as a script (`npx tsx tests/integration/excerpts-fixture.ts PROJECT`) it writes the
 * project to PROJECT, for the Playwright spec and the screenshots.
 */
import { importAttributesCsvText } from '../../electron/services/cases.js';
import { createCode } from '../../electron/services/codebook.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { assignDocumentCase, importParsed } from '../../electron/services/documents.js';
import { setMemo } from '../../electron/services/memos.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, type Session } from '../../electron/services/session.js';
import { normaliseText } from '../../shared/text/normalise.js';
import { parseVtt } from '../../shared/text/subtitles.js';
import { detectTurns } from '../../shared/text/turns.js';
import { CASES_CSV, PROJECT_MEMO, TEXTS, VTT } from './excerpts-fixture-text.js';

export { CASES_CSV, PROJECT_MEMO, QUOTES, TEXTS, VTT } from './excerpts-fixture-text.js';

function at(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

export function buildExcerptFixture(session: Session): void {
  for (const [file, raw] of Object.entries(TEXTS)) {
    const text = normaliseText(raw);
    importParsed(session, [{ file, doc: { text, turns: detectTurns(text), cues: [], warnings: [] } }]);
  }
  const vtt = parseVtt(VTT, 'ip-02.vtt');
  importParsed(session, [{ file: 'ip-02.vtt', doc: { ...vtt, warnings: [] } }]);
  importAttributesCsvText(session, CASES_CSV, 'cases.csv');
  for (const [doc, c] of [
    ['co-01.txt', 'CO-01'],
    ['co-02.txt', 'CO-02'],
    ['co-03.txt', 'CO-03'],
    ['ip-01.txt', 'IP-01'],
    ['ip-02.vtt', 'IP-02'],
  ] as const)
    assignDocumentCase(session, doc, c);
  createCode(session, null, 'Dynamic security', { definition: 'Staff knowledge of offenders gained through relationships.' });
  createCode(session, 'Dynamic security', 'Rapport', { definition: 'Establishing a working relationship with offenders.' });
  createCode(session, 'Dynamic security', 'Boundaries', { definition: 'Keeping a professional distance.' });
  createCode(session, null, 'Other');
  addCoder(session, 'Alice');
  addCoder(session, 'Bob');
  const t = TEXTS;
  const code = (document: string, c: string, coder: string, span: { start: number; end: number }, memo?: string) =>
    applyCoding(session, { document, code: `Dynamic security/${c}`, coder, ...span, ...(memo && { memo }) });
  // From the label on: the label is stripped from the quote.
  code(
    'co-01.txt',
    'Rapport',
    'Alice',
    at(t['co-01.txt'], 'CO Martin: That dynamic security, that rapport can take a possible situation from completely exploding and make it manageable. 🙂'),
  );
  code('co-02.txt', 'Rapport', 'Alice', at(t['co-02.txt'], 'form some type of working relationship with the offenders'));
  code('co-02.txt', 'Rapport', 'Bob', at(t['co-02.txt'], 'form some type of working relationship with the offenders'));
  code('ip-01.txt', 'Rapport', 'Bob', at(t['ip-01.txt'], 'Émilie was always respectful.'));
  code(
    'co-01.txt',
    'Boundaries',
    'Alice',
    at(t['co-01.txt'], 'I decided very early on that no inmates were going to call me by my first name.'),
    'Clear boundary: first names',
  );
  code(
    'co-03.txt',
    'Boundaries',
    'Alice',
    at(t['co-03.txt'], 'Over the years I’ve heard people talking about their personal lives. That’s a big no-no, café talk or not.'),
  );
  const vttText = vtt.text;
  code('ip-02.vtt', 'Boundaries', 'Alice', at(vttText, 'They never say their first names.'));
  applyCoding(session, { document: 'co-02.txt', code: 'Other', coder: 'Alice', ...at(t['co-02.txt'], 'Nothing comes to mind') });
  setMemo(session, { kind: 'project' }, PROJECT_MEMO);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: tsx tests/integration/excerpts-fixture.ts PROJECT');
  const session = initProject(path, { empty: true, actor: 'fixture' });
  buildExcerptFixture(session);
  closeSession(session);
}
