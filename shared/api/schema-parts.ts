/**
 * The pieces every contract entry is built from: argument schemas with readable messages and the
 * phantom result marker. Shared by contract.ts and the per-feature method lists in methods/.
 *
 * Each schema here is a function that builds it on first use (`guid()`, `name().optional()`):
 * building every schema of the contract when a process starts cost a CLI command about a tenth
 * of its own start-up; this way only the schemas of the methods it calls are built.
 */
import { z } from 'zod';

/** A value built on its first use and kept. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** A phantom marker carrying a result type; it holds nothing at run time. */
export const result = <R>() => undefined as unknown as R;

/** Type errors say what was expected; a missing field says it is required. */
export const need = (what: string) => ({ error: (iss: { input: unknown }) => (iss.input === undefined ? 'is required' : `must be ${what}`) });
export const name = once(() => z.string(need('text')).trim().min(1, 'must not be empty').max(500, 'is too long'));
export const guid = once(() => z.string(need('a GUID')).trim().min(1, 'must not be empty').max(100, 'is too long'));
export const offset = once(() => z.number(need('a number')).int('must be a whole number').min(0, 'must be 0 or more'));
export const text = once(() => z.string(need('text')).max(1_000_000, 'is too long'));
export const flag = once(() => z.boolean(need('true or false')));
export const limit = once(() => z.number(need('a number')).int('must be a whole number').min(1, 'must be 1 or more').max(10_000, 'must be 10000 or less'));
export const none = once(() => z.strictObject({}));
export const memoKind = once(() => z.enum(['project', 'document', 'code', 'case'], { error: 'must be one of project, document, code, case' }));
export const codeFields = once(() => ({
  color: z.string(need('a colour')).max(50, 'is too long').optional(),
  definition: text().optional(),
  inclusion: text().optional(),
  exclusion: text().optional(),
  example: text().optional(),
}));
/** Base64 of a file up to the import limit (50 MB), with room for the encoding. */
export const upload = once(() => z.strictObject({ name: name(), base64: z.string(need('base64 text')).max(70_000_000, 'is over the 50 MB import limit') }));
/** A table or code book handed over as text (its file read by the caller); the services' 50 MB table limit. */
export const tableText = once(() => z.string(need('text')).max(60_000_000, 'is over the 50 MB limit for tables'));
/** A path on this computer (callers on this computer only: the CLI, the Electron menu). */
export const filePath = once(() => z.string(need('a file path')).trim().min(1, 'must not be empty').max(4096, 'is too long'));
/** Two coders compared (A first, B second), optionally only some codes and documents; all GUIDs. */
export const pairScope = once(() => ({
  coders: z.tuple([guid(), guid()], { error: 'must be two coder GUIDs, A first' }),
  codes: z.array(guid()).max(10_000, 'too many codes').optional(),
  documents: z.array(guid()).max(100_000, 'too many documents').optional(),
}));
/** Bootstrap resampling, seeded so the same call gives the same interval. */
export const resampling = once(() =>
  z.strictObject({
    resamples: z.number(need('a number')).int('must be a whole number').min(10, 'must be 10 or more').max(100_000, 'must be 100000 or less'),
    seed: z.number(need('a number')).int('must be a whole number').min(0, 'must be 0 or more'),
  }),
);
