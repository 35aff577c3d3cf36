/**
 * The two platform globals shared/ uses. They are not in the ES library, yet every process that
 * runs shared/ (Node 20, Electron's renderer, Chromium) has them; declaring only these keeps the
 * rest of Node and the DOM out of shared/'s type check.
 */
interface SharedCrypto {
  randomUUID(): `${string}-${string}-${string}-${string}-${string}`;
}
declare const crypto: SharedCrypto;
declare function structuredClone<T>(value: T): T;
