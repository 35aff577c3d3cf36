/**
 * Coding writes announced to panels that show codings of a code (Retrieval), so they re-read
 * only when a write touched what they show, instead of on every change.
 */
import type { CodingWrite } from './coding-writes.js';

type Listener = (w: CodingWrite) => void;
const listeners = new Set<Listener>();

export function announceCodingWrite(w: CodingWrite): void {
  for (const l of listeners) l(w);
}

/** Returns the unsubscribe (an effect's cleanup). */
export function onCodingWrite(l: Listener): () => void {
  listeners.add(l);
  return () => void listeners.delete(l);
}
