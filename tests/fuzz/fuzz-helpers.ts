/**
 * Shared pieces of the fuzz suite: byte mutations of real fixtures, and the one property every
 * parser must hold. A parser given anything either answers or throws the app's own error
 * (MarginaliaError, one line naming the file); any other throw is a crash. Runs are bounded in
 * count (numRuns) and time (a per-input timeout, and a cap on the whole property).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { MarginaliaError } from '../../shared/errors.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const fixtureBytes = (...parts: string[]): Uint8Array => new Uint8Array(readFileSync(join(ROOT, 'fixtures', ...parts)));

/** One edit to a byte string: flip, overwrite, insert, delete, truncate, or duplicate a slice. */
type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<{ kind: Mutation['kind']; pos: number; n: number; m: number; bytes: Uint8Array }> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('flip', 'set', 'insert', 'delete', 'truncate', 'repeat'),
  pos: at,
  n: fc.integer({ min: 0, max: 255 }),
  m: fc.integer({ min: 1, max: 64 }),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 32 }),
});

function apply(src: Uint8Array, mut: { kind: Mutation['kind']; pos: number; n: number; m: number; bytes: Uint8Array }): Uint8Array {
  if (src.length === 0) return mut.bytes;
  const i = Math.floor(mut.pos * src.length);
  switch (mut.kind) {
    case 'flip': {
      const out = src.slice();
      out[i] = out[i]! ^ (1 << (mut.n % 8));
      return out;
    }
    case 'set': {
      const out = src.slice();
      out[i] = mut.n;
      return out;
    }
    case 'insert':
      return concat(src.subarray(0, i), mut.bytes, src.subarray(i));
    case 'delete':
      return concat(src.subarray(0, i), src.subarray(i + mut.m));
    case 'truncate':
      return src.subarray(0, i);
    case 'repeat': {
      const slice = src.subarray(i, i + mut.m);
      return concat(src.subarray(0, i), ...Array<Uint8Array>(1 + (mut.n % 4)).fill(slice), src.subarray(i));
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A seed file with one to `max` random mutations applied in turn. */
export const mutated = (seeds: Uint8Array[], max = 4): fc.Arbitrary<Uint8Array> =>
  fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: max }))
    .map(([seed, muts]) => muts.reduce<Uint8Array>((b, m) => apply(b, m), seed));

/** Random bytes biased towards what parsers look at: ASCII, line breaks, NULs, high bytes, and the seeds' first bytes. */
export const randomBytes = (prefixes: Uint8Array[] = []): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 2048 }),
    fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => new TextEncoder().encode(s)),
    ...(prefixes.length ? [fc.tuple(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 512 })).map(([p, r]) => concat(p.subarray(0, 64), r))] : []),
  );

/** Text made of the characters a parser's grammar cares about, so random input reaches deep branches. */
export const grammarText = (tokens: string[], maxTokens = 80): fc.Arbitrary<string> =>
  fc.array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 6 })), { maxLength: maxTokens }).map((t) => t.join(''));

/** Bounds for one property: `runs` inputs, each given `perInputMs`, the whole property stopped after `totalMs`. */
export const bounds = (runs: number, perInputMs = 3000, totalMs = 8000, seed = 20261203): fc.Parameters<unknown> => ({
  numRuns: runs,
  timeout: perInputMs,
  interruptAfterTimeLimit: totalMs,
  seed,
});

/**
 * Runs `parse`; passes when it answers, or throws a MarginaliaError whose message is one line
 * naming `fileName`. Returns the answer (or null) for further checks.
 */
export async function cleanly<T>(fileName: string, parse: () => T | Promise<T>): Promise<T | null> {
  try {
    return await parse();
  } catch (err) {
    if (!(err instanceof MarginaliaError)) throw new Error(`${fileName}: a crash, not a clean error: ${String(err)}`, { cause: err });
    // One line. Other control characters quoted from the input are escaped where every message leaves (electron/api/dispatch.ts).
    expect(err.message).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(err.message).toContain(fileName);
    return null;
  }
}
