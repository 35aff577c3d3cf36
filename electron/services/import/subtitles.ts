/** WebVTT and SubRip subtitles: cues keep their timestamps; speakers become turns. */
import { parseSrt, parseVtt } from '../../../shared/text/subtitles.js';
import { decodeText } from './decode.js';
import type { FormatParser } from './types.js';

export const parseVttFile: FormatParser = async (bytes, fileName) => {
  const { text, warnings } = decodeText(bytes, fileName);
  return { ...parseVtt(text, fileName), warnings };
};

export const parseSrtFile: FormatParser = async (bytes, fileName) => {
  const { text, warnings } = decodeText(bytes, fileName);
  return { ...parseSrt(text, fileName), warnings };
};
