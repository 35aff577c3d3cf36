/**
 * The one normalisation every imported text goes through, once, before it is stored.
 * BOM stripped, CRLF and lone CR turned into LF. Deliberately no Unicode NFC/NFD: the
 * characters stay as the source wrote them, so quotes match the original file byte for byte
 * (apart from line endings) and offsets never shift under a researcher's feet.
 */

const BOM = '\uFEFF';

export function normaliseText(s: string): string {
  const noBom = s.startsWith(BOM) ? s.slice(1) : s;
  // Fast path: most sources already use LF.
  if (noBom.indexOf('\r') === -1) return noBom;
  return noBom.replace(/\r\n?/g, '\n');
}
