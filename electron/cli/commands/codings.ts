/** code, uncode, resize, recode, coding-memo, codings import|export: applying codes to text. */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ApplyResult } from '../../services/codings.js';

const codingsService = () => import('../../services/codings.js');
const codingsIo = () => import('../../services/codings-io.js');
import { int, requireStr, str, textArg, type CommandSpec } from '../command.js';
import { plural, span } from '../format.js';
import { pickFormat } from './codebook.js';

const GROUP = 'Coding';
const OFFSETS =
  'Offsets are UTF-16 code units into the stored document text (BOM stripped, CRLF→LF), half-open [start,end): ' +
  'start is the first unit coded, end the first unit after. `marginalia doc show PROJECT NAME` prints that text.';
const MERGE_RULE = 'A coding that overlaps or touches one of the same code by the same coder is merged with it.';

function applied(r: ApplyResult, verb: string): string {
  const head = `${verb} ${r.guid} ${span(r.start, r.end)}`;
  if (r.mergedWith.length === 0) return head;
  const absorbed = r.mergedWith.filter((g) => g !== r.guid);
  return `${head} (merged with ${plural(r.mergedWith.length, 'overlapping or touching coding')} of the same code by the same coder${absorbed.length ? `; absorbed ${absorbed.join(', ')}` : ''})`;
}

export const code: CommandSpec = {
  name: 'code',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--doc NAME --code PATH --coder NAME --start N --end N [--memo TEXT]',
  summary: 'Apply a code to a span of a document; prints the coding GUID and final span',
  details: `${OFFSETS}\n${MERGE_RULE}`,
  options: {
    doc: { type: 'string', value: 'NAME', help: 'document name' },
    code: { type: 'string', value: 'PATH', help: 'code path, e.g. "Rapport/Information flow"' },
    coder: { type: 'string', value: 'NAME', help: 'who is coding (see: marginalia coders)' },
    start: { type: 'string', value: 'N', help: 'first UTF-16 unit of the span' },
    end: { type: 'string', value: 'N', help: 'UTF-16 unit just after the span' },
    memo: { type: 'string', value: 'TEXT', help: 'a memo on this coding' },
  },
  async run(ctx, { positionals, values }) {
    const c = 'code';
    const req = {
      document: requireStr(values, 'doc', c),
      code: requireStr(values, 'code', c),
      coder: requireStr(values, 'coder', c),
      start: int(requireStr(values, 'start', c), '--start', c),
      end: int(requireStr(values, 'end', c), '--end', c),
      ...(str(values, 'memo') !== undefined && { memo: textArg(str(values, 'memo')!) }),
    };
    const { applyCoding } = await codingsService();
    const r = applyCoding(await ctx.open(positionals[0]!), req);
    return { data: r, text: applied(r, 'Coded') };
  },
};

export const uncode: CommandSpec = {
  name: 'uncode',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--id GUID',
  summary: 'Remove a coding',
  options: { id: { type: 'string', value: 'GUID', help: 'the coding (see: codings export, retrieve)' } },
  async run(ctx, { positionals, values }) {
    const id = requireStr(values, 'id', 'uncode');
    const { removeCoding } = await codingsService();
    removeCoding(await ctx.open(positionals[0]!), id);
    return { data: { guid: id }, text: `Removed coding ${id}` };
  },
};

export const resize: CommandSpec = {
  name: 'resize',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--id GUID --start N --end N',
  summary: 'Change the span of a coding',
  details: `${OFFSETS}\n${MERGE_RULE}`,
  options: {
    id: { type: 'string', value: 'GUID', help: 'the coding' },
    start: { type: 'string', value: 'N', help: 'new first UTF-16 unit' },
    end: { type: 'string', value: 'N', help: 'new UTF-16 unit just after the span' },
  },
  async run(ctx, { positionals, values }) {
    const c = 'resize';
    const id = requireStr(values, 'id', c);
    const start = int(requireStr(values, 'start', c), '--start', c);
    const end = int(requireStr(values, 'end', c), '--end', c);
    const { resizeCoding } = await codingsService();
    const r = resizeCoding(await ctx.open(positionals[0]!), id, start, end);
    return { data: r, text: applied(r, 'Resized') };
  },
};

export const recode: CommandSpec = {
  name: 'recode',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--id GUID --code PATH',
  summary: 'Move a coding to another code',
  details: MERGE_RULE,
  options: {
    id: { type: 'string', value: 'GUID', help: 'the coding' },
    code: { type: 'string', value: 'PATH', help: 'the new code' },
  },
  async run(ctx, { positionals, values }) {
    const id = requireStr(values, 'id', 'recode');
    const path = requireStr(values, 'code', 'recode');
    const { recodeCoding } = await codingsService();
    const r = recodeCoding(await ctx.open(positionals[0]!), id, path);
    return { data: { ...r, code: path }, text: applied(r, `Recoded to ${path}:`) };
  },
};

export const codingMemo: CommandSpec = {
  name: 'coding-memo',
  group: GROUP,
  args: ['PROJECT', 'TEXT'],
  usage: '--id GUID',
  summary: 'Set the memo of a coding ("" removes it; "-" reads stdin)',
  options: { id: { type: 'string', value: 'GUID', help: 'the coding' } },
  async run(ctx, { positionals, values }) {
    const id = requireStr(values, 'id', 'coding-memo');
    const body = textArg(positionals[1]!);
    const { setCodingMemo } = await codingsService();
    setCodingMemo(await ctx.open(positionals[0]!), id, body);
    return { data: { guid: id, memo: body.trim() ? body : null }, text: body.trim() ? `Memo set on ${id}` : `Memo removed from ${id}` };
  },
};

export const codingsImport: CommandSpec = {
  name: 'codings import',
  group: GROUP,
  args: ['PROJECT', 'FILE.csv'],
  summary: 'Import codings from CSV: document,code,coder,start,end[,memo]',
  details: `${OFFSETS}
Every row is checked before anything is written; unknown coders are created, unknown documents or
codes are refused with the row number. ${MERGE_RULE}`,
  async run(ctx, { positionals }) {
    const [project, file] = positionals as [string, string];
    const { importCodingsCsv } = await codingsIo();
    const r = importCodingsCsv(await ctx.open(project), file);
    const extra = r.codersCreated.length ? `; new coders: ${r.codersCreated.join(', ')}` : '';
    return { data: r, text: `${basename(file)}: ${plural(r.rows, 'row')}, ${r.created} new codings, ${r.merged} merged into existing ones${extra}` };
  },
};

export const codingsExport: CommandSpec = {
  name: 'codings export',
  group: GROUP,
  args: ['PROJECT'],
  usage: '[--format csv|json] [-o FILE]',
  summary: 'Write all codings as CSV (re-importable) or JSON (with GUIDs and quotes)',
  details: `${OFFSETS}\nWithout --format the format follows the -o file extension, else CSV.`,
  options: {
    format: { type: 'string', value: 'csv|json', help: 'file format (default csv)' },
    out: { type: 'string', short: 'o', value: 'FILE', help: 'write to FILE instead of stdout' },
    viewer: { type: 'string', value: 'NAME', help: 'who is exporting (required under blind coding: only their codings until they reveal)' },
  },
  async run(ctx, { positionals, values }) {
    const out = str(values, 'out');
    const format = pickFormat(str(values, 'format'), out, ['csv', 'json'] as const, 'csv', 'codings export');
    const { exportCodings, codingsToCsv } = await codingsIo();
    const rows = exportCodings(await ctx.open(positionals[0]!), str(values, 'viewer'));
    const content = format === 'csv' ? codingsToCsv(rows) : `${JSON.stringify(rows, null, 2)}\n`;
    if (out) {
      writeFileSync(out, content);
      return { data: { format, file: out, codings: rows.length }, text: `Wrote ${plural(rows.length, 'coding')} to ${out} (${format.toUpperCase()})` };
    }
    return { data: format === 'json' ? rows : { format, codings: rows.length, content }, text: content };
  },
};
