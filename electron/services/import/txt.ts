/**
 * Plain-text transcripts: decode, normalise; turns are found by parseFile. A hard-wrapped text
 * (lines broken at a fixed width inside paragraphs) is reflowed into paragraphs as a PDF's is,
 * and the import says so; any other text is kept exactly as it is.
 */
import { looksHardWrapped } from '../../../shared/text/hard-wrap.js';
import { normaliseText } from '../../../shared/text/normalise.js';
import { reflowHardWrapped } from '../../../shared/text/reflow.js';
import { decodeText } from './decode.js';
import type { FormatParser } from './types.js';

export const parseTxt: FormatParser = async (bytes, fileName) => {
  const decoded = decodeText(bytes, fileName);
  const text = normaliseText(decoded.text);
  if (!looksHardWrapped(text)) return { text, turns: [], cues: [], warnings: decoded.warnings };
  const r = reflowHardWrapped(text);
  const joined = text.split('\n').length - r.text.split('\n').length;
  const warnings = [
    ...decoded.warnings,
    `${fileName}: hard-wrapped lines joined into paragraphs (${joined} line breaks removed, leading spaces dropped); check paragraph breaks`,
  ];
  if (r.pageNumbers > 0) warnings.push(`${fileName}: dropped ${r.pageNumbers} page-number line(s)`);
  if (r.headersFooters > 0) warnings.push(`${fileName}: dropped ${r.headersFooters} running header/footer line(s)`);
  if (r.dehyphenated > 0) warnings.push(`${fileName}: joined ${r.dehyphenated} word(s) hyphenated at line ends`);
  return { text: r.text, turns: [], cues: [], warnings };
};
