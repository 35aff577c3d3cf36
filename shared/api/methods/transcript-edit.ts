/** Correcting a transcript's text with its codings shifted through the edit (issue 13). Spread into the contract (shared/api/contract.ts). */
import { z } from 'zod';
import type { OrphanList, TextEditReport } from '../types-transcript-edit.js';
import { guid, need, result, once } from '../schema-parts.js';

/** A whole corrected text: as long as an imported document may be (the 50 MB import limit). */
const wholeText = once(() => z.string(need('text')).max(60_000_000, 'is over the 50 MB limit for a document'));
const snippet = once(() => z.string(need('text')).max(1_000_000, 'is too long'));
const occurrence = once(() => z.number(need('a number')).int('must be a whole number').min(1, 'must be 1 or more'));

/** Either the corrected whole text, or one replacement (`find` → `replace`, the `occurrence`-th, 1-based). */
const source = once(() => ({
  text: wholeText().optional(),
  find: snippet().min(1, 'must not be empty').optional(),
  replace: snippet().optional(),
  occurrence: occurrence().optional(),
}));

const editArgs = once(() =>
  z
    .strictObject({ document: guid(), ...source() })
    .refine((a) => (a.text !== undefined) !== (a.find !== undefined), { message: 'give either text (the whole corrected text) or find and replace' })
    .refine((a) => a.find === undefined || a.replace !== undefined, { message: 'replace is required with find', path: ['replace'] }),
);

export const transcriptEditMethods = {
  /** What a correction would change (text places, codings moved, trimmed or orphaned); changes nothing. */
  'documents.editPreview': { args: () => editArgs(), result: result<TextEditReport>() },
  /** Corrects the text as one undoable action; every coding is shifted through the edit, none is dropped. */
  'documents.editText': { writes: true, args: () => editArgs(), result: result<TextEditReport>() },
  /** Codings whose words a correction deleted, kept with their quotes. */
  'documents.orphans': { args: () => z.strictObject({ document: guid() }), result: result<OrphanList>() },
} as const;
