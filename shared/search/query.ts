/**
 * Full-text query syntax for researchers: words (all must occur), "quoted phrases", and
 * prefixes with a trailing * (secur*). Everything is quoted before it reaches FTS5, so
 * punctuation in a query can never become FTS syntax or an error.
 */
import { fail } from '../errors.js';
import { foldChar } from './fold.js';

export interface QueryTerm {
  words: string[];
  prefix: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const re = /"([^"]*)"(\*)?|(\S+)/g;
  for (let m = re.exec(query); m; m = re.exec(query)) {
    const raw = m[1] ?? m[3] ?? '';
    const prefix = m[2] === '*' || (m[3] !== undefined && m[3].endsWith('*'));
    const words = [...raw.matchAll(WORD)].map((w) => [...w[0]].map(foldChar).join(''));
    if (words.length) terms.push({ words, prefix });
  }
  if (terms.length === 0) fail('invalid_input', `search query "${query}" has no words to look for`);
  return terms;
}

export function toFtsQuery(terms: QueryTerm[]): string {
  return terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`).join(' AND ');
}

/** A regex over folded text for one term, matching whole words (or a word prefix). */
export function termPattern(term: QueryTerm): RegExp {
  const esc = term.words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const tail = term.prefix ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])';
  return new RegExp(`(?<![\\p{L}\\p{N}])${esc.join('[^\\p{L}\\p{N}]+')}${tail}`, 'gu');
}
