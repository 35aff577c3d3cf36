/**
 * A case filter narrows the prevalence line as it narrows the quotes: in a focus group where each
 * speaker is a case, choosing one speaker counts that speaker alone ("1 of 1"), not every
 * speaker of the documents that speaker is in ("2 of 2").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assignSpeakerCase, cases } from '../../electron/services/cases.js';
import { frequencies } from '../../electron/services/analysis/frequencies.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { createHandlers } from '../../electron/api/handlers.js';
import { mdUnescape } from '../../shared/excerpts/markdown.js';
import { addText, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

const TEXT =
  'ANNA: I talk to the officers on the range every day.\nBEN: I keep my distance from all of them.\nANNA: Talking works, mostly.\nBEN: Not for me.\n';

describe('excerpts: a case filter and the prevalence line', () => {
  it('counts only the chosen speaker-cases, above and below the line', async () => {
    p = tempProject();
    addText(p.session, 'group.txt', TEXT);
    assignSpeakerCase(p.session, 'group.txt', 'ANNA', 'Anna');
    assignSpeakerCase(p.session, 'group.txt', 'BEN', 'Ben');
    addCoder(p.session, 'Alice');
    const code = 'Dynamic security/Rapport';
    for (const words of ['I talk to the officers', 'I keep my distance']) {
      const start = TEXT.indexOf(words);
      applyCoding(p.session, { document: 'group.txt', code, coder: 'Alice', start, end: start + words.length });
    }
    const guidOf = (name: string) => cases(p.session).cases.find((c) => c.name === name)!.guid;
    const row = (scope: Parameters<typeof frequencies>[1]) => frequencies(p.session, scope).rows.find((r) => r.code === code)!;

    // Unfiltered: both speakers are cases, both coded.
    expect(frequencies(p.session, {}).unit).toMatchObject({ kind: 'case', total: 2 });
    expect(row({})).toMatchObject({ units: 2, codings: 2, prevalence: 1 });
    // Anna alone: one case, her one coding.
    expect(frequencies(p.session, { cases: [guidOf('Anna')] }).unit).toMatchObject({ kind: 'case', total: 1 });
    expect(row({ cases: [guidOf('Anna')] })).toMatchObject({ units: 1, codings: 1, prevalence: 1 });

    const rapport = (await createHandlers(p.session)['codebook.list']({})).find((c) => c.path === code)!.guid;
    const path = join(p.dir, 'anna.md');
    const h = createHandlers(p.session);
    const r = await h['excerpts.exportTo']({ codes: [rapport], format: 'md', cases: [guidOf('Anna')], path });
    expect(r).toMatchObject({ quotes: 1, cases: 1 });
    const md = mdUnescape(readFileSync(path, 'utf8'));
    expect(md).toContain('I talk to the officers');
    expect(md).not.toContain('I keep my distance');
    expect(md).toContain('Coded for 1 of 1 participants (100%)');
  });
});
