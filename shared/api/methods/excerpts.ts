/** Themed excerpt export: snippet, at-a-glance and table templates in DOCX, XLSX, CSV, Markdown, HTML (issue 11). Spread into the contract (shared/api/contract.ts). */
import { z } from 'zod';
import { EXCERPT_FORMATS, EXCERPT_TEMPLATES, type ExcerptFile, type ExcerptPreview, type ExcerptProgress, type ExcerptWritten } from '../../excerpts/types.js';
import { filePath, flag, guid, name, need, result, once } from '../schema-parts.js';

const count = (max: number) => z.number(need('a number')).int('must be a whole number').min(0, 'must be 0 or more').max(max, `must be ${max} or less`);
const words = once(() => z.string(need('text')).max(500, 'is too long'));

/** What to export: the themes (codes), whose codings, which documents and cases, and how each quote is shown. */
const scope = once(() => ({
  codes: z.array(guid()).min(1, 'must name at least one code').max(10_000, 'too many codes'),
  /** Each chosen code's sub-codes become themes too. */
  descendants: flag().optional(),
  coders: z.array(guid()).max(10_000, 'too many coders').optional(),
  /** The consensus coder: its GUID, or true for the project's only one. Not with `coders`. */
  consensus: z.union([guid(), flag()]).optional(),
  documents: z.array(guid()).max(100_000, 'too many documents').optional(),
  cases: z.array(guid()).max(100_000, 'too many cases').optional(),
  /** Only these codings (what the Retrieval panel shows), within the rest of the choice. */
  codings: z.array(guid()).max(1_000_000, 'too many codings').optional(),
  /** Case attribute → value; all must match (case-insensitive). */
  where: z.record(z.string(), z.string(need('text'))).optional(),
  template: z.enum(EXCERPT_TEMPLATES, { error: `must be one of ${EXCERPT_TEMPLATES.join(', ')}` }).optional(),
  /** Attribute names shown in each quote's attribution, in this order. */
  attributes: z.array(name()).max(50, 'too many attributes').optional(),
  /** Keep speaker labels inside the quotes (default: stripped). */
  speakers: flag().optional(),
  /** Print each coding's memo under its quote. */
  memos: flag().optional(),
  /** Cut longer quotes at a word and end them with an ellipsis (0: never). */
  maxChars: count(1_000_000).optional(),
  /** Quotes per theme (0: all; the glance template defaults to 2). */
  maxQuotes: count(100_000).optional(),
  /** Pseudonymise the export only: find → replace pairs; a find that is a case name relabels that case (others become "Participant N"). */
  pseudonymise: z.strictObject({ replace: z.array(z.tuple([words(), words()])).max(10_000, 'too many replacements') }).optional(),
  title: name().optional(),
  viewer: guid().optional(),
  /** An id the caller chose, to read the export's progress with excerpts.progress. */
  job: z.string(need('text')).trim().min(1, 'must not be empty').max(100, 'is too long').optional(),
}));
const format = once(() => z.enum(EXCERPT_FORMATS, { error: `must be one of ${EXCERPT_FORMATS.join(', ')}` }));

export const excerptMethods = {
  /** How many themes, quotes, documents and cases an export with these choices holds. */
  'excerpts.preview': { args: () => z.strictObject(scope()), result: result<ExcerptPreview>() },
  /** The export as a file's bytes (base64), for a browser download. The project is only read. */
  'excerpts.export': { args: () => z.strictObject({ ...scope(), format: format() }), result: result<ExcerptFile>() },
  /** The same export written to a path on this computer (CLI, desktop menu): a temporary file, then renamed. */
  'excerpts.exportTo': { args: () => z.strictObject({ ...scope(), format: format(), path: filePath() }), result: result<ExcerptWritten>() },
  /** How far the export started with this `job` id got. */
  'excerpts.progress': {
    args: () => z.strictObject({ job: z.string(need('text')).trim().min(1, 'must not be empty').max(100, 'is too long') }),
    result: result<ExcerptProgress>(),
  },
} as const;
