/** agreement, stats, disagreements, consensus: comparing two coders and reconciling them. */
import { TABLE_STATISTICS, type TableStatistic } from '../../../shared/agreement/reports.js';
import { flag, optionalInt, requireStr, str, UsageError, type CommandSpec } from '../command.js';
import { plural } from '../format.js';
import { PAIR_OPTIONS, pairGuids, pairNames } from '../pair-scope.js';

const GROUP = 'Agreement';

const SCOPE_OPTIONS = {
  ...PAIR_OPTIONS,
  coders: { type: 'string', value: 'A,B', help: 'the two coders to compare' },
} as const;

export const agreement: CommandSpec = {
  name: 'agreement',
  group: GROUP,
  args: ['PROJECT'],
  usage:
    '--coders A,B [--unit character|turn|segment|document] [--overlap 90] [--codes PATH,...] [--docs NAME,...] [--unitized] [--ci N --seed S] [--csv|--md] [--xlsx FILE] [--html FILE]',
  summary: 'Agreement between two coders at a stated unit, with the statistic named for every number',
  details: `Units: character (default; per code × document: counts, percent agreement, Cohen's κ, Krippendorff's |uα,
and across documents pooled / mean / length-weighted), turn (a speaker turn is coded if any character is),
segment (MAXQDA-style matches at --overlap percent), document (code used in the document or not).
--unitized: Krippendorff's u-α, |uα, cu-α and Cu-α over the chosen --codes as one variable.
--ci N: bootstrap 95% intervals from N resamples of documents (seeded with --seed, default 1).
Undefined values (0/0, e.g. nobody used the code) are null with a reason, never NaN or 1;
in the table and --md they print as —(n), with the reasons listed below; --csv gives them in a last column.
--xlsx FILE / --html FILE also write the full report (per code, per document, disagreements, undefined values)
as an Excel workbook (numbers in full precision) or one self-contained HTML page with a chart: the workspace's export.`,
  jsonShape: 'report',
  calls: ['agreement.report', 'agreement.export', 'coders.list', 'codebook.list', 'documents.list'],
  options: {
    ...SCOPE_OPTIONS,
    unit: { type: 'string', value: 'UNIT', help: 'character (default), turn, segment or document' },
    overlap: { type: 'string', value: 'P', help: 'segment unit: minimum overlap in percent (default 90)' },
    unitized: { type: 'boolean', help: "Krippendorff's unitized family over the chosen codes" },
    ci: { type: 'string', value: 'N', help: 'character unit: bootstrap confidence intervals from N resamples' },
    seed: { type: 'string', value: 'S', help: 'seed for the bootstrap (default 1)' },
    csv: { type: 'boolean', help: 'print CSV rows instead of a table' },
    md: { type: 'boolean', help: 'print a Markdown table' },
    xlsx: { type: 'string', value: 'FILE', help: 'also write the report as an Excel workbook' },
    html: { type: 'string', value: 'FILE', help: 'also write the report as a self-contained HTML page' },
  },
  async run(ctx, { positionals, values }) {
    const c = 'agreement';
    const names = pairNames(values, c);
    const unit = str(values, 'unit') ?? 'character';
    if (!['character', 'turn', 'segment', 'document'].includes(unit))
      throw new UsageError(`--unit must be character, turn, segment or document (got "${unit}")`, c);
    // Options that only one unit reads are refused elsewhere rather than silently ignored.
    const unitized = flag(values, 'unitized');
    if (unitized && str(values, 'unit') !== undefined) throw new UsageError('--unitized is a unit of its own: leave out --unit', c);
    if (str(values, 'overlap') !== undefined && unit !== 'segment') throw new UsageError('--overlap applies to --unit segment only', c);
    if ((str(values, 'ci') !== undefined || str(values, 'seed') !== undefined) && (unit !== 'character' || unitized))
      throw new UsageError('--ci and --seed apply to the character unit only', c);
    if (flag(values, 'csv') && flag(values, 'md')) throw new UsageError('choose one of --csv and --md', c);
    const overlap = optionalInt(values, 'overlap', c, 1);
    if (overlap !== undefined && overlap > 100) throw new UsageError('--overlap is a percentage from 1 to 100', c);
    const resamples = optionalInt(values, 'ci', c, 10);
    const seed = optionalInt(values, 'seed', c) ?? 1;
    const door = await ctx.door(positionals[0]!);
    const req = {
      ...(await pairGuids(door, names)),
      unit: unitized ? ('unitized' as const) : (unit as 'character'),
      ...(overlap !== undefined && { overlap }),
      ...(resamples && { ci: { resamples, seed } }),
    };
    const report = await door.call('agreement.report', req);
    // The files come from the same export as the workspace's Report part.
    for (const format of ['xlsx', 'html'] as const) {
      const out = str(values, format);
      if (out === undefined) continue;
      const file = await door.call('agreement.export', { ...req, format });
      const { writeFileSync } = await import('node:fs');
      writeFileSync(out, Buffer.from(file.base64, 'base64'));
    }
    const f = await import('../agreement-format.js');
    const text = flag(values, 'csv') ? f.reportCsv(report) : flag(values, 'md') ? f.reportMarkdown(report) : f.reportText(report);
    return { data: report, text };
  },
};

export const stats: CommandSpec = {
  name: 'stats',
  group: GROUP,
  args: ['TABLE.csv'],
  usage: '--statistic percent|percent-all|kappa|pi|fleiss|bp|ac1|alpha [--level nominal|ordinal|interval|ratio] [--categories N] [--ci N --seed S]',
  summary: 'A reliability statistic over a units × coders CSV table (header: coder names; empty cell = missing)',
  details: `percent and percent-all are 0–100. kappa and pi compare exactly two coders; fleiss, ac1, alpha any number.
bp (Brennan–Prediger) needs --categories: the number of categories available, not the number seen.
--level applies to alpha (default nominal). Undefined values print as null with a reason.`,
  jsonShape: 'report',
  calls: ['agreement.stats'],
  options: {
    statistic: { type: 'string', value: 'NAME', help: 'percent, percent-all, kappa, pi, fleiss, bp, ac1 or alpha' },
    level: { type: 'string', value: 'LEVEL', help: 'nominal (default), ordinal, interval or ratio' },
    categories: { type: 'string', value: 'N', help: 'number of categories available (bp; optional for ac1)' },
    ci: { type: 'string', value: 'N', help: 'bootstrap 95% interval from N resamples of units' },
    seed: { type: 'string', value: 'S', help: 'seed for the bootstrap (default 1)' },
  },
  async run(_ctx, { positionals, values }) {
    const c = 'stats';
    const statistic = requireStr(values, 'statistic', c) as TableStatistic;
    if (!TABLE_STATISTICS.includes(statistic)) throw new UsageError(`--statistic must be one of ${TABLE_STATISTICS.join(', ')}`, c);
    const level = (str(values, 'level') ?? 'nominal') as 'nominal';
    if (!['nominal', 'ordinal', 'interval', 'ratio'].includes(level)) throw new UsageError('--level must be nominal, ordinal, interval or ratio', c);
    const categories = optionalInt(values, 'categories', c, 2);
    const resamples = optionalInt(values, 'ci', c, 10);
    // The table is not a project: this one call goes through the project-free part of the door.
    const { callWithoutProject } = await import('../../api/no-project.js');
    const r = await callWithoutProject('agreement.stats', {
      file: positionals[0]!,
      statistic,
      level,
      ...(categories !== undefined && { categories }),
      ...(resamples && { ci: { resamples, seed: optionalInt(values, 'seed', c) ?? 1 } }),
    });
    const show = (v: number | null) => (v === null ? '—' : statistic.startsWith('percent') ? `${v.toFixed(2)}%` : v.toFixed(4));
    const value = r.value === null ? `undefined (${r.reason})` : show(r.value);
    const ci = r.ci ? `, 95% CI [${show(r.ci.lower)}, ${show(r.ci.upper)}] (${r.ci.resamples} resamples of units, seed ${r.ci.seed})` : '';
    return { data: r, text: `${statistic} (${level}) = ${value}  over ${plural(r.units, 'unit')}, coders ${r.coders.join(', ')}${ci}` };
  },
};
