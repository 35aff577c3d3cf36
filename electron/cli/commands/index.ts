/** Every command, in the order the top-level help lists them. */
import type { CommandSpec } from '../command.js';
import { agreement, stats } from './agreement.js';
import { consensusDecide, consensusStart, consensusStatus, disagreements } from './consensus.js';
import { blind, merge, reveal } from './merge.js';
import { attributesImport, casesCmd } from './cases.js';
import { codebookExport, codebookImport } from './codebook.js';
import { coders, codersAdd } from './coders.js';
import { codes, codesAdd, codesColor, codesDelete, codesEdit, codesMerge, codesMove, codesRename } from './codes.js';
import { code, codingMemo, codingsExport, codingsImport, recode, resize, uncode } from './codings.js';
import { docCase, docDelete, docRename, docs, docShow, importCmd } from './documents.js';
import { log } from './log.js';
import { memo } from './memo.js';
import { info, init } from './project.js';
import { retrieve, search } from './search.js';

export const commandList: CommandSpec[] = [
  init,
  info,
  log,
  importCmd,
  docs,
  docShow,
  docRename,
  docCase,
  docDelete,
  codes,
  codesAdd,
  codesRename,
  codesColor,
  codesEdit,
  codesMove,
  codesMerge,
  codesDelete,
  codebookExport,
  codebookImport,
  coders,
  codersAdd,
  code,
  uncode,
  resize,
  recode,
  codingMemo,
  codingsImport,
  codingsExport,
  search,
  retrieve,
  casesCmd,
  attributesImport,
  memo,
  agreement,
  stats,
  disagreements,
  consensusStart,
  consensusDecide,
  consensusStatus,
  merge,
  blind,
  reveal,
];

const byName = new Map(commandList.map((c) => [c.name, c]));

/** Words that only start two-word commands (`doc rename`), with their second words. */
export const GROUP_WORDS = new Map<string, string[]>();
for (const c of commandList) {
  const [first, second] = c.name.split(' ');
  if (second && !byName.has(first!)) GROUP_WORDS.set(first!, [...(GROUP_WORDS.get(first!) ?? []), second]);
}

/** Two-word commands win over one-word ones (`codes add` before `codes`). */
export function findCommand(words: string[]): { command: CommandSpec; args: string[] } | undefined {
  const two = words.length >= 2 ? byName.get(`${words[0]} ${words[1]}`) : undefined;
  if (two) return { command: two, args: words.slice(2) };
  const one = words[0] === undefined ? undefined : byName.get(words[0]);
  return one ? { command: one, args: words.slice(1) } : undefined;
}
