/**
 * The child process of the crash test: opens a project through the real open path (lock, quick
 * check, migration with its backup) and performs one kind of action over and over, each time
 * with its own marker, until the parent SIGKILLs it. It prints "ready" once the project is open
 * (for `migration`, before opening: the open is the action) and "done MS" after the first action.
 *
 *   node worker.mjs ACTION PROJECT FIXTURES [OTHER_PROJECT]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeSpecs } from '../../electron/services/codebook-io.js';
import { runAction } from '../../db/action.js';
import { applyCoding } from '../../electron/services/codings.js';
import { mergeProject } from '../../electron/services/coder-project-merge/merge-project.js';
import { importParsed } from '../../electron/services/documents.js';
import { openSession } from '../../electron/services/session.js';
import { importQdc } from '../../electron/services/refi/import/codebook.js';
import { newGuid } from '../../shared/ids.js';
import { normaliseText } from '../../shared/text/normalise.js';
import { detectTurns } from '../../shared/text/turns.js';

export type CrashAction = 'import' | 'codebook-merge' | 'coder-merge' | 'migration' | 'codings-burst' | 'refi-import';

const [action, project, fixtures, other] = process.argv.slice(2) as [CrashAction, string, string, string | undefined];
const say = (line: string) => process.stdout.write(`${line}\n`);

function textDoc(raw: string) {
  const text = normaliseText(raw);
  return { text, turns: detectTurns(text), cues: [], warnings: [] };
}

const sources = ['co-01.txt', 'co-02.txt', 'co-03-norway.txt', 'ip-01.txt'].map((f) => readFileSync(join(fixtures, 'transcripts', f), 'utf8'));

const started = Date.now();
if (action === 'migration') {
  say('ready');
  openSession(project, 'crash');
  say(`done ${Date.now() - started}`);
  setInterval(() => {}, 1000);
} else {
  const session = openSession(project, 'crash');
  say('ready');
  const t0 = Date.now();
  let first = true;
  const mark = () => {
    if (first) say(`done ${Date.now() - t0}`);
    first = false;
  };
  if (action === 'coder-merge') {
    mergeProject(session, other!);
    mark();
    setInterval(() => {}, 1000);
  } else {
    for (let i = 0; ; i += 1) {
      if (action === 'import') {
        // Several files in one action: all or none of `imp-i-*`.
        importParsed(
          session,
          sources.map((s, k) => ({ file: `imp-${i}-${k}.txt`, doc: textDoc(`${s}\n\nrun ${i} ${k}`) })),
        );
      } else if (action === 'codebook-merge') {
        // A code book merged in one action: all or none of `cb-i` and its children.
        runAction(session.project, session.actor, (a) =>
          mergeSpecs(
            a,
            [
              {
                name: `cb-${i}`,
                children: Array.from({ length: 8 }, (_, k) => ({ name: `child ${k}`, definition: `child ${k} of run ${i} `.repeat(20), children: [] })),
              },
            ],
            false,
          ),
        );
      } else if (action === 'refi-import') {
        // A REFI-QDA code book (.qdc) imported in one action: all or none of `refi-i` and its children.
        const children = Array.from(
          { length: 8 },
          (_, k) => `<Code guid="${newGuid()}" name="child ${k}" isCodable="true"><Description>child ${k} of run ${i}</Description></Code>`,
        );
        const xml = `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1:0" origin="crash test"><Codes><Code guid="${newGuid()}" name="refi-${i}" isCodable="true">${children.join('')}</Code></Codes></CodeBook>`;
        importQdc(session, new TextEncoder().encode(xml), `run-${i}.qdc`);
      } else {
        // One coding per action, each marked by its memo.
        applyCoding(session, {
          document: 'co-02.txt',
          code: 'Dynamic security/Rapport',
          coder: 'Ann',
          start: (i * 6) % 3900,
          end: ((i * 6) % 3900) + 5,
          memo: `burst ${i}`,
        });
      }
      mark();
    }
  }
}
