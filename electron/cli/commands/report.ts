/** report frequencies | cooccurrence | crosstab: the analysis view's numbers, for people and programs. */
import type { ProjectDoor } from '../../api/door.js';
import { fail } from '../../../shared/errors.js';
import { COOCCURRENCE_MODES, type CooccurrenceMode } from '../../../shared/analysis/types.js';
import { flag, optionalInt, requireStr, str, UsageError, type CommandSpec, type Values } from '../command.js';
import { codeGuids, coderGuid, coderGuids, documentGuids } from '../resolve.js';
import { cooccurrenceText, crosstabText, frequencyText, type Style } from './report-format.js';

const GROUP = 'Analysis';

const SCOPE_OPTIONS = {
  coders: { type: 'string', value: 'NAME,...', help: 'only these coders (default: every coder but consensus coders)' },
  consensus: { type: 'boolean', help: "the consensus coder's codings (the project's one consensus coder, or --coders NAME of one)" },
  codes: { type: 'string', value: 'PATH,...', help: 'only these codes (default: the whole code book)' },
  docs: { type: 'string', value: 'NAME,...', help: 'only these documents (default: all)' },
  viewer: { type: 'string', value: 'NAME', help: 'who is looking, while blind coding is on' },
  csv: { type: 'boolean', help: 'print CSV (numbers in full)' },
  md: { type: 'boolean', help: 'print a Markdown table' },
} as const;

const splitList = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function style(values: Values, c: string): Style {
  if (flag(values, 'csv') && flag(values, 'md')) throw new UsageError('choose one of --csv and --md', c);
  return flag(values, 'csv') ? 'csv' : flag(values, 'md') ? 'md' : 'table';
}

/** Names typed on the command line → the GUID scope the analysis calls take. */
async function scopeOf(door: ProjectDoor, values: Values, c: string) {
  const coders = splitList(str(values, 'coders'));
  const codes = splitList(str(values, 'codes'));
  const documents = splitList(str(values, 'docs'));
  const viewer = str(values, 'viewer');
  let consensus: string | boolean | undefined;
  let coderIds: string[] | undefined;
  if (flag(values, 'consensus')) {
    if (coders.length > 1) throw new UsageError('--consensus takes at most one coder in --coders (the consensus coder)', c);
    consensus = coders.length ? await coderGuid(door, coders[0]!) : true;
  } else if (coders.length) coderIds = await coderGuids(door, coders);
  return {
    ...(coderIds && { coders: coderIds }),
    ...(consensus !== undefined && { consensus }),
    ...(codes.length && { codes: await codeGuids(door, codes) }),
    ...(documents.length && { documents: await documentGuids(door, documents) }),
    ...(viewer && { viewer: await coderGuid(door, viewer) }),
  };
}

export const reportFrequencies: CommandSpec = {
  name: 'report frequencies',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'Per code: codings, characters coded, documents, cases, and prevalence (share of cases with a coding)',
  details: `Prevalence counts cases (participants) when documents have cases (doc case, or a speaker's turns
given to a case), otherwise documents; the table says which. A coding belongs to the case of the speaker
whose turn it starts in, else to its document's case. Sub-codes' codings count under their parents
unless --own. --unit-label names the unit in the table ("20 of 34 interviewees"). --json and --csv
give prevalence as an unrounded fraction.`,
  calls: ['analysis.frequencies', 'coders.list', 'codebook.list', 'documents.list'],
  options: {
    ...SCOPE_OPTIONS,
    own: { type: 'boolean', help: "count each code's own codings only, not its sub-codes'" },
    'unit-label': { type: 'string', value: 'WORD', help: 'plural name of the unit, e.g. interviewees' },
  },
  async run(ctx, { positionals, values }) {
    const c = 'report frequencies';
    const s = style(values, c);
    const door = await ctx.door(positionals[0]!);
    const label = str(values, 'unit-label');
    const report = await door.call('analysis.frequencies', {
      ...(await scopeOf(door, values, c)),
      ...(flag(values, 'own') && { subcodes: false }),
      ...(label?.trim() && { unitLabel: label }),
    });
    return { data: report, text: frequencyText(report, s) };
  },
};

export const reportCooccurrence: CommandSpec = {
  name: 'report cooccurrence',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'Code × code: how often codings of two codes overlap, share a speaker turn, or lie within N characters',
  details: `A co-occurrence is a pair of codings of two different codes by the same coder in the same document:
--mode overlap (default; they share text), turn (they touch the same speaker turn) or near (at most
--distance N characters apart, default 200). The diagonal holds each code's codings. --jaccard prints, for
each pair, the share of the two codes' codings that co-occur with the other code (0–1) instead of counts.
Each code counts its own codings here, never its sub-codes'.`,
  calls: ['analysis.cooccurrence', 'coders.list', 'codebook.list', 'documents.list'],
  options: {
    ...SCOPE_OPTIONS,
    mode: { type: 'string', value: 'MODE', help: 'overlap (default), turn or near' },
    distance: { type: 'string', value: 'N', help: 'near: most characters between two codings (default 200)' },
    jaccard: { type: 'boolean', help: 'print the Jaccard share instead of counts' },
  },
  async run(ctx, { positionals, values }) {
    const c = 'report cooccurrence';
    const s = style(values, c);
    const mode = (str(values, 'mode') ?? 'overlap') as CooccurrenceMode;
    if (!COOCCURRENCE_MODES.includes(mode)) throw new UsageError(`--mode must be ${COOCCURRENCE_MODES.join(', ')} (got "${mode}")`, c);
    const distance = optionalInt(values, 'distance', c, 0);
    if (distance !== undefined && mode !== 'near') throw new UsageError('--distance applies to --mode near only', c);
    const door = await ctx.door(positionals[0]!);
    const report = await door.call('analysis.cooccurrence', { ...(await scopeOf(door, values, c)), mode, ...(distance !== undefined && { distance }) });
    return { data: report, text: cooccurrenceText(report, s, flag(values, 'jaccard')) };
  },
};

export const reportCrosstab: CommandSpec = {
  name: 'report crosstab',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--attribute NAME [options]',
  summary: 'Codes × the values of one case attribute: cases with a coding, as a share of the cases with that value',
  details: `Each cell: how many of the cases with that value have at least one coding of the code (sub-codes
included unless --own), e.g. "3 of 4 (75%)"; --counts prints the number of codings instead. Cases without
a value get a "(no value)" column. --csv prints one row per code × value with every number in full.`,
  calls: ['analysis.crosstab', 'analysis.options', 'coders.list', 'codebook.list', 'documents.list'],
  options: {
    ...SCOPE_OPTIONS,
    attribute: { type: 'string', value: 'NAME', help: 'the case attribute, e.g. role' },
    own: { type: 'boolean', help: "count each code's own codings only, not its sub-codes'" },
    counts: { type: 'boolean', help: 'print codings per cell instead of cases' },
  },
  async run(ctx, { positionals, values }) {
    const c = 'report crosstab';
    const s = style(values, c);
    const name = requireStr(values, 'attribute', c).trim();
    const door = await ctx.door(positionals[0]!);
    const { attributes } = await door.call('analysis.options');
    const attribute = attributes.find((a) => a.name.toLowerCase() === name.toLowerCase());
    if (!attribute) fail('not_found', `case attribute "${name}" is not in this project (attributes: ${attributes.map((a) => a.name).join(', ') || 'none'})`);
    const report = await door.call('analysis.crosstab', {
      ...(await scopeOf(door, values, c)),
      attribute: attribute.guid,
      ...(flag(values, 'own') && { subcodes: false }),
    });
    return { data: report, text: crosstabText(report, s, flag(values, 'counts')) };
  },
};
