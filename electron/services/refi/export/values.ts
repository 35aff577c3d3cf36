/** Typed case-attribute values as QDA-XML VariableValue content (xsd:decimal, xsd:date, xsd:boolean). */
import { VALUE_ELEMENT, VARIABLE_TYPE_OUT } from '../../../../shared/refi/index.js';
import type { SnapAttribute } from './snapshot.js';

export interface RefiValue {
  element: string;
  text: string;
}

/** The element and lexical form for a stored value, or null when the stored value does not fit its type. */
export function refiValue(type: SnapAttribute['type'], stored: string): RefiValue | null {
  const element = VALUE_ELEMENT[VARIABLE_TYPE_OUT[type]]!;
  switch (type) {
    case 'text':
      return { element, text: stored };
    case 'boolean':
      return stored === 'true' || stored === 'false' ? { element, text: stored } : null;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(stored) ? { element, text: stored } : null;
    case 'number': {
      const n = Number(stored);
      return stored.trim() !== '' && Number.isFinite(n) ? { element, text: decimal(n) } : null;
    }
  }
}

/** xsd:decimal has no exponent: 1e+21 → "1000000000000000000000", 1e-7 → "0.0000001". */
export function decimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 100 });
}
