/**
 * XML text rules for writing QDA-XML. XML 1.0 forbids most control characters and lone
 * surrogates even when escaped, so they are dropped (tabs, LF and CR are kept).
 */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(s: string): string {
  return s.replace(INVALID, '');
}

// Most values (GUIDs, numbers, names) need no escaping at all: skip the replaces for them.
// eslint-disable-next-line no-control-regex
const PLAIN = /^[^&<>"\u0000-\u001f\ud800-\udfff\ufffe\uffff]*$/;

/** Escape for element text. */
export function xmlText(s: string): string {
  if (PLAIN.test(s)) return s;
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape for a double-quoted attribute value (newlines and tabs as character references so they survive). */
export function xmlAttr(s: string): string {
  if (PLAIN.test(s)) return s;
  return xmlSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
