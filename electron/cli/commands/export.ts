/** export excerpts: the themed excerpt report (snippet, at a glance, table) as DOCX, XLSX, CSV, Markdown or HTML. */
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parsePseudonymMap } from '../../../shared/excerpts/pseudonyms.js';
import { EXCERPT_FORMATS, EXCERPT_TEMPLATES, type ExcerptFormat, type ExcerptTemplate } from '../../../shared/excerpts/types.js';
import { fail } from '../../../shared/errors.js';
import { flag, list, optionalInt, requireStr, str, UsageError, type CommandSpec } from '../command.js';
import { plural } from '../format.js';
import { codeGuids, coderGuid, documentGuids } from '../resolve.js';

const C = 'export excerpts';
const splitList = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function parseWhere(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--where needs attribute=value (got "${item}")`, C);
    out[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return out;
}

function readMap(file: string): [string, string][] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail('not_found', `${basename(file)}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`} (${file})`);
  }
  return parsePseudonymMap(text, basename(file));
}

export const exportExcerpts: CommandSpec = {
  name: 'export excerpts',
  group: 'Reports',
  args: ['PROJECT'],
  usage:
    '--codes PATH,... --format docx|xlsx|csv|md|html -o FILE [--template snippet|glance|table] [--coder NAME | --consensus] [--attributes role,institution] [--pseudonymise MAP.csv]',
  summary: 'Write a themed excerpt report: each theme with its prevalence line and its quotes, each attributed',
  details: `Themes are the codes given (with --descendants, their sub-codes too), in code-book order. Each
quote is the coded text word for word, speaker labels removed (--speakers keeps them), with an
ellipsis where it starts or ends inside a sentence; its attribution names the case, the
--attributes values, the document and the lines (or cue times for subtitles).
Templates: snippet (default; headings, prevalence, quotes), glance (the one-page "Research at a
glance": title, key words and the analyst's sections from the project memo's "## Heading"s,
"What we found" from the themes, "What we did" counted from the cases), table (one row per coding
with offsets). --pseudonymise MAP.csv: a "find,replace" CSV; a row naming a case relabels it
(other cases become "Participant N") and every row is replaced inside the quotes. The project is
only read. The file is written under a temporary name, then renamed: never half-written.`,
  calls: ['excerpts.exportTo', 'codebook.list', 'coders.list', 'documents.list'],
  options: {
    codes: { type: 'string', value: 'PATH,...', help: 'the themes (codes), comma-separated' },
    descendants: { type: 'boolean', help: 'each code’s sub-codes are themes too' },
    format: { type: 'string', value: 'FORMAT', help: 'docx, xlsx, csv, md or html' },
    out: { type: 'string', short: 'o', value: 'FILE', help: 'the file to write' },
    template: { type: 'string', value: 'NAME', help: 'snippet (default), glance or table' },
    coder: { type: 'string', multiple: true, value: 'NAME', help: 'only this coder’s codings (repeatable; default every coder but consensus coders)' },
    consensus: { type: 'boolean', help: 'the consensus coder’s codings' },
    docs: { type: 'string', value: 'NAME,...', help: 'only these documents' },
    where: { type: 'string', multiple: true, value: 'ATTR=VALUE', help: 'only cases with this attribute value (repeatable)' },
    attributes: { type: 'string', value: 'NAME,...', help: 'case attributes shown in each attribution' },
    speakers: { type: 'boolean', help: 'keep speaker labels in the quotes' },
    memos: { type: 'boolean', help: 'print coding memos under their quotes' },
    'max-quotes': { type: 'string', value: 'N', help: 'at most N quotes per theme (glance default 2)' },
    'max-chars': { type: 'string', value: 'N', help: 'cut longer quotes at a word, with an ellipsis' },
    title: { type: 'string', value: 'TEXT', help: 'the report’s title (default: the project memo’s "# Title", else the project name)' },
    pseudonymise: { type: 'string', value: 'MAP.csv', help: 'replace names in the export only (find,replace CSV)' },
  },
  async run(ctx, { positionals, values }) {
    const codes = splitList(requireStr(values, 'codes', C));
    if (codes.length === 0) throw new UsageError('--codes needs at least one code path', C);
    const format = requireStr(values, 'format', C) as ExcerptFormat;
    if (!EXCERPT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXCERPT_FORMATS.join(', ')} (got "${format}")`, C);
    const out = requireStr(values, 'out', C);
    const ext = extname(out).slice(1).toLowerCase();
    if ((EXCERPT_FORMATS as readonly string[]).includes(ext) && ext !== format)
      throw new UsageError(`-o ${basename(out)} ends in .${ext} but --format is ${format}`, C);
    const template = (str(values, 'template') ?? 'snippet') as ExcerptTemplate;
    if (!EXCERPT_TEMPLATES.includes(template)) throw new UsageError(`--template must be one of ${EXCERPT_TEMPLATES.join(', ')} (got "${template}")`, C);
    const coderNames = list(values, 'coder');
    const consensus = flag(values, 'consensus');
    if (consensus && coderNames.length) throw new UsageError('choose --coder or --consensus, not both', C);
    const maxQuotes = optionalInt(values, 'max-quotes', C);
    const maxChars = optionalInt(values, 'max-chars', C, 20);
    const where = parseWhere(list(values, 'where'));
    const attributes = splitList(str(values, 'attributes'));
    const mapFile = str(values, 'pseudonymise');
    const replace = mapFile === undefined ? undefined : readMap(mapFile);
    const title = str(values, 'title');

    const door = await ctx.door(positionals[0]!);
    const docs = splitList(str(values, 'docs'));
    const args = {
      codes: await codeGuids(door, codes),
      format,
      template,
      path: resolve(out),
      ...(flag(values, 'descendants') && { descendants: true }),
      ...(coderNames.length && { coders: await Promise.all(coderNames.map((n) => coderGuid(door, n))) }),
      ...(consensus && { consensus: true }),
      ...(docs.length && { documents: await documentGuids(door, docs) }),
      ...(Object.keys(where).length && { where }),
      ...(attributes.length && { attributes }),
      ...(flag(values, 'speakers') && { speakers: true }),
      ...(flag(values, 'memos') && { memos: true }),
      ...(maxQuotes !== undefined && { maxQuotes }),
      ...(maxChars !== undefined && { maxChars }),
      ...(title !== undefined && { title }),
      ...(replace && { pseudonymise: { replace } }),
    };
    const r = await door.call('excerpts.exportTo', args);
    const what = `${plural(r.themes, 'theme')}, ${plural(r.quotes, 'quote')} from ${plural(r.documents, 'document')}`;
    return { data: r, text: `Wrote ${out} (${template}, ${format}): ${what}${replace ? ', pseudonymised' : ''}.` };
  },
};
