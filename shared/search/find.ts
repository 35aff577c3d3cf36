/**
 * "Find in this document": every occurrence of a phrase, ignoring case and accents, as
 * UTF-16 spans of the stored text (so "securite" finds "sécurité" at its real offsets).
 */
import { fold, toOriginal, type Folded } from './fold.js';

export function findAll(folded: Folded, phrase: string, limit = 5000): { start: number; end: number }[] {
  const needle = fold(phrase.trim()).text;
  if (!needle) return [];
  const out: { start: number; end: number }[] = [];
  for (let i = folded.text.indexOf(needle); i !== -1 && out.length < limit; i = folded.text.indexOf(needle, i + needle.length)) {
    out.push(toOriginal(folded, i, i + needle.length));
  }
  return out;
}
