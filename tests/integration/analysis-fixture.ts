/**
 * A small project whose analysis numbers are counted by hand in analysis-reports.test.ts.
 *
 * Cases: CO-01 (a.txt, document case, officer, institution A), CO-02 (b.txt, manager, B),
 * CO-03 (c.txt's Participant speaker only, officer, no institution), CO-04 (officer, no document).
 * d.txt belongs to no case. Codes: Rapport, Rapport/Trust, Boundaries, Safety.
 */
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { assignSpeakerCase, importAttributesCsvText } from '../../electron/services/cases.js';
import { createCode } from '../../electron/services/codebook.js';
import { assignDocumentCase } from '../../electron/services/documents.js';
import type { Session } from '../../electron/services/session.js';
import { addText } from './helpers.js';

export const TEXTS = {
  'a.txt': 'Interviewer: How do you build rapport?\nParticipant: You talk to them every day. Trust takes time. Boundaries matter.\n',
  'b.txt': 'Interviewer: Tell me more.\nParticipant: Safety first. Boundaries keep everyone safe.\n',
  'c.txt': 'Interviewer: Rapport with you?\nParticipant: I earn trust slowly.\n',
  'd.txt': 'Notes from the visit. Safety is a worry for everyone on the unit.\n',
} as const;

type Doc = keyof typeof TEXTS;

/** [coder, code, document, quoted phrase]: the phrase's first occurrence is coded. */
export const CODINGS: [string, string, Doc, string][] = [
  ['Alice', 'Rapport', 'a.txt', 'talk to them every day'], // 1
  ['Alice', 'Rapport/Trust', 'a.txt', 'every day. Trust'], // 2
  ['Alice', 'Boundaries', 'a.txt', 'Boundaries matter'], // 3
  ['Bob', 'Rapport', 'a.txt', 'You talk to them'], // 4
  ['Alice', 'Safety', 'b.txt', 'Safety first'], // 5
  ['Alice', 'Boundaries', 'b.txt', 'Boundaries keep everyone safe'], // 6
  ['Alice', 'Safety', 'b.txt', 'everyone safe'], // 7
  ['Alice', 'Rapport', 'c.txt', 'Rapport with you'], // 8 (interviewer's turn: no case)
  ['Alice', 'Rapport/Trust', 'c.txt', 'earn trust slowly'], // 9
  ['Bob', 'Safety', 'd.txt', 'Safety is a worry'], // 10
];

export function span(doc: Doc, phrase: string): { start: number; end: number } {
  const start = TEXTS[doc].indexOf(phrase);
  if (start < 0) throw new Error(`${phrase} not in ${doc}`);
  return { start, end: start + phrase.length };
}

export function buildAnalysisFixture(session: Session): void {
  for (const [name, text] of Object.entries(TEXTS)) addText(session, name, text);
  createCode(session, null, 'Rapport');
  createCode(session, 'Rapport', 'Trust');
  createCode(session, null, 'Boundaries');
  createCode(session, null, 'Safety');
  addCoder(session, 'Alice');
  addCoder(session, 'Bob');
  for (const [coder, code, document, phrase] of CODINGS) applyCoding(session, { coder, code, document, ...span(document, phrase) });
  importAttributesCsvText(session, 'case,role,institution\nCO-01,officer,A\nCO-02,manager,B\nCO-03,officer,\nCO-04,officer,A\n', 'cases.csv');
  assignDocumentCase(session, 'a.txt', 'CO-01');
  assignDocumentCase(session, 'b.txt', 'CO-02');
  assignSpeakerCase(session, 'c.txt', 'Participant', 'CO-03');
}
