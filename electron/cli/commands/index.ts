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
import { docEdit } from './doc-edit.js';
import { exportExcerpts } from './export.js';
import { log } from './log.js';
import { qdpxExport } from './qdpx-export.js';
import { qdpxImport } from './qdpx-import.js';
import { audit, redo, undo } from './history.js';
import { memo } from './memo.js';
import { info, init } from './project.js';
import { retrieve, search } from './search.js';
import { reportCooccurrence, reportCrosstab, reportFrequencies } from './report.js';
import { backup, backups, check, restore } from './safety.js';

export const commandList: CommandSpec[] = [
  init,
  info,
  log,
  undo,
  redo,
  audit,
  importCmd,
  docs,
  docShow,
  docRename,
  docCase,
  docDelete,
  docEdit,
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
  qdpxExport,
  qdpxImport,
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
  reportFrequencies,
  reportCooccurrence,
  reportCrosstab,
  exportExcerpts,
  check,
  backup,
  backups,
  restore,
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
