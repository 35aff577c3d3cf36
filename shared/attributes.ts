/**
 * Typed case attributes. Values are stored as canonical strings: numbers as JS prints them,
 * dates as YYYY-MM-DD, booleans as "true"/"false", so they sort and compare predictably.
 */
import { fail } from './errors.js';
import type { AttributeType } from './types.js';

const TYPES: AttributeType[] = ['text', 'number', 'date', 'boolean'];
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** "years of service:number" → { name: "years of service", type: "number" }; no suffix → text. */
export function parseAttributeHeader(header: string): { name: string; type: AttributeType; declared: boolean } {
  const m = /^(.*):\s*(text|number|date|boolean)\s*$/i.exec(header);
  if (m && m[1]!.trim()) return { name: m[1]!.trim(), type: m[2]!.toLowerCase() as AttributeType, declared: true };
  return { name: header.trim(), type: 'text', declared: false };
}

export function isAttributeType(t: string): t is AttributeType {
  return (TYPES as string[]).includes(t);
}

/** Returns the canonical stored value, or throws with `where` (e.g. "cases.csv row 4") in the message. */
export function canonicalValue(type: AttributeType, raw: string, where: string): string {
  const v = raw.trim();
  switch (type) {
    case 'text':
      return v;
    case 'number': {
      const n = Number(v.replace(/,(?=\d{3}\b)/g, ''));
      if (v === '' || !Number.isFinite(n)) fail('invalid_input', `${where}: "${raw}" is not a number`);
      return String(n);
    }
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
      if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
        fail('invalid_input', `${where}: "${raw}" is not a date (use YYYY-MM-DD)`);
      }
      return v;
    }
    case 'boolean': {
      const l = v.toLowerCase();
      if (TRUE.has(l)) return 'true';
      if (FALSE.has(l)) return 'false';
      return fail('invalid_input', `${where}: "${raw}" is not true/false`);
    }
  }
}
