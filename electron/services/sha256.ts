/**
 * SHA-256 for the services that fingerprint text or rows. node:crypto takes about 3 ms to load,
 * a fifth of what a short CLI command spends on its own code, so it is loaded on the first hash
 * rather than when the services are (`marginalia codes` never hashes anything).
 */
import { createRequire } from 'node:module';
import type { Hash } from 'node:crypto';

let crypto: typeof import('node:crypto') | undefined;

/** A fresh SHA-256 hash to update() and digest(). */
export function sha256(): Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256');
}
