/**
 * REFI GUID rules. The schemas' GUIDType accepts 8-4-4-4-12 hex digits, optionally in braces.
 * Export writes lower-case, brace-less GUIDs. Rows' own GUIDs (UUID v7) are used as they are;
 * anything that has no GUID of its own (a coding's PlainTextSelection, a row whose stored GUID is
 * not a valid REFI GUID) gets a name-based UUID (version 5, RFC 9562) derived from the project's
 * GUID, a kind and a key, so the same project exports the same GUIDs every time.
 */
import { sha1 } from './sha1.js';

export const REFI_GUID_RE =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

export function isRefiGuid(s: string): boolean {
  return REFI_GUID_RE.test(s);
}

/** "{ABCD…}" → "abcd…"; returns null when it is not a REFI GUID at all. */
export function normalizeRefiGuid(s: string): string | null {
  const t = s.trim();
  if (!REFI_GUID_RE.test(t)) return null;
  return (t.startsWith('{') ? t.slice(1, -1) : t).toLowerCase();
}

/** Kinds used as the derivation's first component; keep the spelling stable. */
export type DerivedKind = 'selection' | 'project' | 'user' | 'code' | 'case' | 'variable' | 'source' | 'coding' | 'note';

/**
 * UUID v5 over `${kind}:${key}` in the namespace `ns` (any REFI GUID, normally the project's).
 * Deterministic: the same inputs always give the same GUID.
 */
export function deriveGuid(ns: string, kind: DerivedKind, key: string): string {
  const name = utf8(`${kind}:${key}`);
  const input = new Uint8Array(16 + name.length);
  input.set(nsBytes(ns));
  input.set(name, 16);
  const h = sha1(input);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = Array.from(h.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The GUID to write for a row: its own when valid, else one derived from the stored value. */
export function refiGuidFor(ns: string, kind: DerivedKind, stored: string): string {
  return normalizeRefiGuid(stored) ?? deriveGuid(ns, kind, stored);
}

let lastNs = '';
let lastNsBytes = new Uint8Array(16);
/** The namespace GUID's 16 bytes (cached: an export derives thousands of GUIDs in one namespace). */
function nsBytes(ns: string): Uint8Array {
  if (ns === lastNs) return lastNsBytes;
  const hex = (normalizeRefiGuid(ns) ?? deriveFromText(ns)).replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  lastNs = ns;
  lastNsBytes = out;
  return out;
}

/** A namespace that is not a GUID (should not happen) still gives a stable one. */
function deriveFromText(s: string): string {
  const hex = Array.from(sha1(utf8(s)).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** UTF-8 bytes (TextEncoder is not among shared/'s platform globals). */
function utf8(s: string): Uint8Array {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) {
    const a = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return a;
  }
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}
