/** search, retrieve: finding text in the corpus and the segments coded with a code. */
import type { ApiResult } from '../../../shared/api/contract.js';
import { lineOf, lineStarts } from '../../../shared/text/lines.js';
import { flag, list, optionalInt, requireStr, str, UsageError, type CommandSpec } from '../command.js';
import { lines, plural, quoteBlock, span } from '../format.js';
import { coderGuid, coderGuids, documentGuids, documentList, findCode } from '../resolve.js';

type Segment = ApiResult<'retrieval.segments'>[number];

const GROUP = 'Search and retrieval';

export const search: CommandSpec = {
  name: 'search',
  group: GROUP,
  args: ['PROJECT', 'QUERY'],
  usage: '[--limit N]',
  summary: 'Full-text search of every document; prints document, line, offsets, snippet',
  details: `Words match ignoring case and accents; "a phrase" in quotes matches as a phrase.
Offsets are UTF-16 code units into the stored document text, half-open [start,end).`,
  options: { limit: { type: 'string', value: 'N', help: 'at most N matching paragraphs (default 100)' } },
  calls: ['search.corpus', 'documents.list', 'documents.content'],
  async run(ctx, { positionals, values }) {
    const [project, query] = positionals as [string, string];
    if (!query.trim()) throw new UsageError('QUERY is empty', 'search');
    const limit = optionalInt(values, 'limit', 'search', 1) ?? 100;
    const door = await ctx.door(project);
    const hits = await door.call('search.corpus', { query, limit });
    // Line numbers come from each hit document's text, fetched once per document.
    const guids = new Map(hits.length ? (await documentList(door)).map((d) => [d.id, d.guid]) : []);
    const starts = lineIndex(async (id) => (await door.call('documents.content', { document: guids.get(id)! })).text);
    const rows = [];
    for (const h of hits) rows.push({ ...h, line: lineOf(await starts(h.documentId), h.start) });
    if (rows.length === 0) return { data: rows, text: `No matches for "${query}"` };
    const text = rows.map((h) => `${h.document}:${h.line} ${span(h.start, h.end)}  ${h.snippet}`).join('\n');
    return { data: rows, text: `${text}\n${plural(rows.length, 'match', 'matches')}` };
  },
};

/** Line starts of each document, loaded once per document. */
function lineIndex(textOf: (documentId: number) => Promise<string>): (documentId: number) => Promise<number[]> {
  const cache = new Map<number, number[]>();
  return async (documentId) => {
    let starts = cache.get(documentId);
    if (!starts) {
      starts = lineStarts(await textOf(documentId));
      cache.set(documentId, starts);
    }
    return starts;
  };
}

function parseWhere(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--where needs attribute=value (got "${item}")`, 'retrieve');
    out[item.slice(0, eq).trim()] = item.slice(eq + 1);
  }
  return out;
}

function describe(s: Segment): string {
  const who = [s.speaker, s.caseName && `case ${s.caseName}`].filter(Boolean).join(', ');
  const head = [s.document, lines(s.lineStart, s.lineEnd), span(s.start, s.end), s.coder, who, s.code, s.guid].filter(Boolean).join('  ');
  const memo = s.memo ? `\n    memo: ${s.memo.replace(/\n/g, '\n          ')}` : '';
  return `${head}\n${quoteBlock(s.quote)}${memo}`;
}

export const retrieve: CommandSpec = {
  name: 'retrieve',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--code PATH [--descendants] [--coder NAME]... [--doc NAME]... [--where ATTR=VALUE]... [--find TEXT]',
  summary: 'Print the segments coded with a code, with document, lines, coder, speaker/case, quote',
  details: `--coder, --doc and --where may be repeated; segments must match one of each repeated
--coder/--doc and every --where (case attributes, e.g. --where role=officer).
--find keeps only segments whose quote or memo fuzzily matches TEXT, best first.
Offsets are UTF-16 code units into the stored document text, half-open [start,end).`,
  options: {
    code: { type: 'string', value: 'PATH', help: 'the code' },
    descendants: { type: 'boolean', help: 'include its sub-codes' },
    coder: { type: 'string', multiple: true, value: 'NAME', help: 'only this coder' },
    doc: { type: 'string', multiple: true, value: 'NAME', help: 'only this document' },
    where: { type: 'string', multiple: true, value: 'ATTR=VALUE', help: 'only cases with this attribute value' },
    find: { type: 'string', value: 'TEXT', help: 'fuzzy search within the quotes' },
    viewer: { type: 'string', value: 'NAME', help: 'who is looking (required under blind coding: shows only their codings until they reveal)' },
  },
  calls: ['codebook.list', 'coders.list', 'documents.list', 'retrieval.segments'],
  async run(ctx, { positionals, values }) {
    const coders = list(values, 'coder');
    const docs = list(values, 'doc');
    const where = parseWhere(list(values, 'where'));
    const typed = requireStr(values, 'code', 'retrieve');
    const viewer = str(values, 'viewer');
    const find = str(values, 'find');
    const door = await ctx.door(positionals[0]!);
    const code = await findCode(door, typed);
    const req = {
      code: code.guid,
      descendants: flag(values, 'descendants'),
      ...(coders.length && { coders: await coderGuids(door, coders) }),
      ...(docs.length && { documents: await documentGuids(door, docs) }),
      ...(Object.keys(where).length && { where }),
      ...(viewer !== undefined && { viewer: await coderGuid(door, viewer) }),
      ...(find !== undefined && { find }),
    };
    const segments = await door.call('retrieval.segments', req);
    if (segments.length === 0) return { data: segments, text: `No coded segments for ${code.path}${find !== undefined ? ` matching "${find}"` : ''}` };
    return { data: segments, text: `${segments.map(describe).join('\n\n')}\n\n${plural(segments.length, 'segment')}` };
  },
};
