/**
 * A small hand-computable two-coder project for the disagreement and consensus tests: two
 * documents both coders coded (one with speaker turns), one only Alice coded, several codes,
 * spans that overlap across coders and codes, and a code only one coder used.
 */
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { exportCodings } from '../../electron/services/codings-io.js';
import type { Session } from '../../electron/services/session.js';
import { addText } from './helpers.js';

export const A_TXT = [
  'Interviewer: How do you build trust with the men on your unit?',
  'Officer: I talk to them every day. I never use first names, and I keep my distance.',
  'Interviewer: What about informants?',
  'Officer: Nobody wants to be called a snitch on the range.',
].join('\n');
export const B_TXT = 'Respect is earned, not demanded. Respect goes both ways.';
export const C_TXT = 'Only Alice coded this one.';

export const TEXTS: Record<string, string> = { 'a.txt': A_TXT, 'b.txt': B_TXT, 'c.txt': C_TXT };

/** The span of the first occurrence of `s` in document `doc` (after `from`, if given). */
export function at(doc: string, s: string, from?: string): { start: number; end: number } {
  const text = TEXTS[doc]!;
  const start = text.indexOf(s, from === undefined ? 0 : text.indexOf(from));
  if (start < 0) throw new Error(`"${s}" is not in ${doc}`);
  return { start, end: start + s.length };
}

export function codeAs(session: Session, coder: string, doc: string, code: string, s: string, from?: string) {
  return applyCoding(session, { document: doc, code, coder, ...at(doc, s, from) });
}

/**
 * Alice and Bob code a.txt and b.txt (c.txt: Alice only). Per code × document:
 *   a.txt Rapport:         A "I talk to them every day"      B "them every day. I never"
 *   a.txt Boundaries:      A "I never use first names"       B "never use first names, and I keep my distance"
 *   a.txt Static security: A "keep my distance"              B —
 *   a.txt No snitching:    A "Nobody wants to be called a snitch" = B
 *   b.txt Respect:         A "Respect" + " is earned" (touching) B "earned, not demanded."
 *   b.txt Rapport:         A —                               B "Respect goes both ways."
 */
export function buildTwoCoders(session: Session): void {
  for (const [name, text] of Object.entries(TEXTS)) addText(session, name, text);
  for (const code of ['Rapport', 'Boundaries', 'Static security', 'No snitching', 'Respect']) createCode(session, null, code);
  addCoder(session, 'Alice');
  addCoder(session, 'Bob');
  codeAs(session, 'Alice', 'a.txt', 'Rapport', 'I talk to them every day');
  codeAs(session, 'Bob', 'a.txt', 'Rapport', 'them every day. I never');
  codeAs(session, 'Alice', 'a.txt', 'Boundaries', 'I never use first names');
  codeAs(session, 'Bob', 'a.txt', 'Boundaries', 'never use first names, and I keep my distance');
  codeAs(session, 'Alice', 'a.txt', 'Static security', 'keep my distance');
  codeAs(session, 'Alice', 'a.txt', 'No snitching', 'Nobody wants to be called a snitch');
  codeAs(session, 'Bob', 'a.txt', 'No snitching', 'Nobody wants to be called a snitch');
  codeAs(session, 'Alice', 'b.txt', 'Respect', 'Respect');
  codeAs(session, 'Alice', 'b.txt', 'Respect', ' is earned');
  codeAs(session, 'Bob', 'b.txt', 'Respect', 'earned, not demanded.');
  codeAs(session, 'Bob', 'b.txt', 'Rapport', 'Respect goes both ways.');
  codeAs(session, 'Alice', 'c.txt', 'Rapport', 'Only Alice');
}

/** A coder's codings as [document, code, quoted text], in export order (document, then start). */
export function codingsOf(session: Session, coder: string): [string, string, string][] {
  return exportCodings(session)
    .filter((c) => c.coder === coder)
    .map((c): [string, string, string] => [c.document, c.code, TEXTS[c.document]!.slice(c.start, c.end)])
    .sort((x, y) => x[0].localeCompare(y[0]) || x[1].localeCompare(y[1]) || TEXTS[x[0]]!.indexOf(x[2]) - TEXTS[y[0]]!.indexOf(y[2]));
}
