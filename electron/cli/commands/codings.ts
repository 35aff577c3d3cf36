/** code, uncode, resize, recode, coding-memo, codings import|export: applying codes to text. */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ApiResult } from '../../../shared/api/contract.js';
import { readTextFile } from '../../api/text-files.js';
import { int, optionalInt, requireStr, str, textArg, UsageError, type CommandSpec } from '../command.js';
import { plural, span } from '../format.js';
import { codeGuid, coderGuid, documentGuid, findCode } from '../resolve.js';
import { spanOfLines, spanOfQuote } from '../spans.js';
import { pickFormat } from './codebook.js';

type ApplyResult = ApiResult<'codings.apply'>;

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
  usage: '--doc NAME --code PATH --coder NAME (--start N --end N | --lines A-B | --quote TEXT [--occurrence N]) [--memo TEXT]',
  summary: 'Apply a code to a span of a document; prints the coding GUID and final span',
  details: `The span is given by offsets (--start/--end), by lines (--lines 15-16: from the start of
line 15 to the end of line 16, numbered as \`doc show --lines\` numbers them), or by a quote
(--quote "exact words": case and punctuation as in the text, any spacing; when the words occur more
than once, --occurrence N picks the Nth).
${OFFSETS}
${MERGE_RULE}`,
  options: {
    doc: { type: 'string', value: 'NAME', help: 'document name' },
    code: { type: 'string', value: 'PATH', help: 'code path, e.g. "Rapport/Information flow"' },
    coder: { type: 'string', value: 'NAME', help: 'who is coding (see: marginalia coders)' },
    start: { type: 'string', value: 'N', help: 'first UTF-16 unit of the span' },
    end: { type: 'string', value: 'N', help: 'UTF-16 unit just after the span' },
    lines: { type: 'string', value: 'A-B', help: 'code whole lines A to B (or one line: N)' },
    quote: { type: 'string', value: 'TEXT', help: 'code the place where these exact words are' },
    occurrence: { type: 'string', value: 'N', help: 'with --quote: the Nth place the words occur' },
    memo: { type: 'string', value: 'TEXT', help: 'a memo on this coding' },
  },
  calls: ['documents.list', 'codebook.list', 'coders.list', 'documents.content', 'codings.apply'],
  async run(ctx, { positionals, values }) {
    const c = 'code';
    const docName = requireStr(values, 'doc', c);
    const codePath = requireStr(values, 'code', c);
    const coderName = requireStr(values, 'coder', c);
    const quote = str(values, 'quote');
    const lines = str(values, 'lines');
    const byOffsets = str(values, 'start') !== undefined || str(values, 'end') !== undefined;
    const ways = [byOffsets, lines !== undefined, quote !== undefined].filter(Boolean).length;
    if (ways === 0) throw new UsageError('missing the span: give --start and --end, --lines A-B, or --quote TEXT', c);
    if (ways > 1) throw new UsageError('give the span one way only: --start/--end, --lines or --quote', c);
    const occurrence = optionalInt(values, 'occurrence', c, 1);
    if (occurrence !== undefined && quote === undefined) throw new UsageError('--occurrence goes with --quote', c);
    const offsets = byOffsets ? { start: int(requireStr(values, 'start', c), '--start', c), end: int(requireStr(values, 'end', c), '--end', c) } : undefined;
    const memo = str(values, 'memo');
    const door = await ctx.door(positionals[0]!);
    const document = await documentGuid(door, docName);
    const req = { document, code: await codeGuid(door, codePath), coder: await coderGuid(door, coderName), ...(memo !== undefined && { memo: textArg(memo) }) };
    let where = offsets;
    if (!where) {
      const { text, name } = await door.call('documents.content', { document });
      where = quote !== undefined ? spanOfQuote(text, quote, name, occurrence) : spanOfLines(text, lines!, name);
    }
    const r = await door.call('codings.apply', { ...req, ...where });
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
  calls: ['codings.remove'],
  async run(ctx, { positionals, values }) {
    const id = requireStr(values, 'id', 'uncode');
    await (await ctx.door(positionals[0]!)).call('codings.remove', { guid: id });
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
  calls: ['codings.resize'],
  async run(ctx, { positionals, values }) {
    const c = 'resize';
    const id = requireStr(values, 'id', c);
    const start = int(requireStr(values, 'start', c), '--start', c);
    const end = int(requireStr(values, 'end', c), '--end', c);
    const r = await (await ctx.door(positionals[0]!)).call('codings.resize', { guid: id, start, end });
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
  calls: ['codebook.list', 'codings.recode'],
  async run(ctx, { positionals, values }) {
    const id = requireStr(values, 'id', 'recode');
    const typed = requireStr(values, 'code', 'recode');
    const door = await ctx.door(positionals[0]!);
    const target = await findCode(door, typed);
    const r = await door.call('codings.recode', { guid: id, code: target.guid });
    return { data: { ...r, code: target.path }, text: applied(r, `Recoded to ${target.path}:`) };
  },
};

export const codingMemo: CommandSpec = {
  name: 'coding-memo',
  group: GROUP,
  args: ['PROJECT', 'TEXT'],
  usage: '--id GUID',
  summary: 'Set the memo of a coding ("" removes it; "-" reads stdin)',
  options: { id: { type: 'string', value: 'GUID', help: 'the coding' } },
  calls: ['codings.setMemo'],
  async run(ctx, { positionals, values }) {
    const id = requireStr(values, 'id', 'coding-memo');
    const body = textArg(positionals[1]!);
    await (await ctx.door(positionals[0]!)).call('codings.setMemo', { guid: id, body });
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
  calls: ['codings.import'],
  async run(ctx, { positionals }) {
    const [project, file] = positionals as [string, string];
    const door = await ctx.door(project);
    const r = await door.call('codings.import', { csv: readTextFile(file), name: basename(file) });
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
  calls: ['coders.list', 'codings.export'],
  async run(ctx, { positionals, values }) {
    const out = str(values, 'out');
    const format = pickFormat(str(values, 'format'), out, ['csv', 'json'] as const, 'csv', 'codings export');
    const door = await ctx.door(positionals[0]!);
    const viewer = str(values, 'viewer');
    const { rows, content } = await door.call('codings.export', { format, ...(viewer !== undefined && { viewer: await coderGuid(door, viewer) }) });
    if (out) {
      writeFileSync(out, content);
      return { data: { format, file: out, codings: rows.length }, text: `Wrote ${plural(rows.length, 'coding')} to ${out} (${format.toUpperCase()})` };
    }
    return { data: format === 'json' ? rows : { format, codings: rows.length, content }, text: content };
  },
};
