/**
 * The one normalisation every imported text goes through, once, before it is stored.
 * BOM(s) stripped, CRLF and lone CR turned into LF. Deliberately no Unicode NFC/NFD: the
 * characters stay as the source wrote them, so quotes match the original file byte for byte
 * (apart from line endings) and offsets never shift under a researcher's feet.
 */

export function normaliseText(s: string): string {
  // Every leading BOM goes (concatenated files can carry several), so normalising is idempotent.
  const noBom = s.charCodeAt(0) === 0xfeff ? s.replace(/^\uFEFF+/, '') : s;
  // Fast path: most sources already use LF.
  if (noBom.indexOf('\r') === -1) return noBom;
  return noBom.replace(/\r\n?/g, '\n');
}
