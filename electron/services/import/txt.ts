/** Plain-text transcripts: decode, normalise; turns are found by parseFile. */
import { normaliseText } from '../../../shared/text/normalise.js';
import { decodeText } from './decode.js';
import type { FormatParser } from './types.js';

export const parseTxt: FormatParser = async (bytes, fileName) => {
  const { text, warnings } = decodeText(bytes, fileName);
  return { text: normaliseText(text), turns: [], cues: [], warnings };
};
