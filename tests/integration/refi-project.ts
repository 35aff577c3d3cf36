/**
 * A small project touching everything the REFI-QDA export maps: nested codes with colours and
 * every definition field, two coders whose codings overlap (one on the same span), text with
 * emoji (astral characters: 2 UTF-16 units, 1 code point) and accents, a case with typed
 * variables, and memos on the project, a document, a code, a case and a coding.
 */
import { assignDocumentCase } from '../../electron/services/documents.js';
import { importAttributesCsvText } from '../../electron/services/cases.js';
import { createCode } from '../../electron/services/codebook.js';
import { addCoder, applyCoding, setCodingMemo } from '../../electron/services/codings.js';
import { setMemo } from '../../electron/services/memos.js';
import type { Session } from '../../electron/services/session.js';
import { addText } from './helpers.js';

export const EMOJI_TXT = 'Officer: We laugh 😀 a lot 👍🏽, but trust is earned.\nInmate: Respect goes both ways — 100%.';
export const PLAIN_TXT = 'Interviewer: Do you use first names?\nOfficer: Never. I keep my distance.';

export function span(text: string, s: string): { start: number; end: number } {
  const start = text.indexOf(s);
  if (start < 0) throw new Error(`"${s}" is not in the text`);
  return { start, end: start + s.length };
}

export function buildRefiProject(session: Session): void {
  addText(session, 'emoji.txt', EMOJI_TXT);
  addText(session, 'plain.txt', PLAIN_TXT);
  createCode(session, null, 'Rapport', {
    color: '#4E79A7',
    definition: 'Building trust.',
    inclusion: 'Friendly talk',
    exclusion: 'Orders',
    example: '"We laugh"',
  });
  createCode(session, 'Rapport', 'Humour', { color: '#f28e2b' });
  createCode(session, 'Rapport/Humour', 'In-jokes & <teasing>');
  createCode(session, null, 'Boundaries', { definition: 'Keeping distance.' });
  addCoder(session, 'Alice');
  addCoder(session, 'Bob');
  const code = (coder: string, document: string, codePath: string, text: string, s: string) =>
    applyCoding(session, { document, code: codePath, coder, ...span(text, s) });
  code('Alice', 'emoji.txt', 'Rapport/Humour', EMOJI_TXT, 'We laugh 😀 a lot');
  code('Bob', 'emoji.txt', 'Rapport/Humour', EMOJI_TXT, 'laugh 😀 a lot 👍🏽');
  code('Bob', 'emoji.txt', 'Rapport', EMOJI_TXT, 'We laugh 😀 a lot');
  code('Alice', 'emoji.txt', 'Rapport/Humour/In-jokes & <teasing>', EMOJI_TXT, 'trust is earned');
  const r = code('Alice', 'emoji.txt', 'Rapport', EMOJI_TXT, 'Respect goes both ways — 100%');
  code('Bob', 'plain.txt', 'Boundaries', PLAIN_TXT, 'I keep my distance');
  code('Alice', 'plain.txt', 'Boundaries', PLAIN_TXT, 'Never. I keep');
  setCodingMemo(session, r.guid, 'Mutual *respect*.');
  assignDocumentCase(session, 'emoji.txt', 'CO-01');
  importAttributesCsvText(
    session,
    'case,role,years:number,start:date,union:boolean\nCO-01,officer,12.5,2019-04-01,yes\nIN-02,resident,3,2020-01-15,no\n',
    'cases.csv',
  );
  setMemo(session, { kind: 'project' }, '# Study memo\nAll interviews 2024.');
  setMemo(session, { kind: 'document', name: 'plain.txt' }, 'Short interview.');
  setMemo(session, { kind: 'code', name: 'Boundaries' }, 'Check against Rapport.');
  setMemo(session, { kind: 'case', name: 'CO-01' }, 'Night shift officer.');
}
