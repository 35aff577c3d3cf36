/** Markdown transcripts and memos: decode, then strip the markup to the text an analyst codes. */
import { fail } from '../../../shared/errors.js';
import { markdownToText } from '../../../shared/text/markdown.js';
import { decodeText } from './decode.js';
import type { FormatParser } from './types.js';

export const parseMarkdown: FormatParser = async (bytes, fileName) => {
  const { text, warnings } = decodeText(bytes, fileName);
  const plain = markdownToText(text);
  if (plain.trim() === '') fail('empty_file', `${fileName}: the Markdown file holds no text once markup is removed`);
  return { text: plain, turns: [], cues: [], warnings };
};
