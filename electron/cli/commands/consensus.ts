/** disagreements, consensus start|decide|status: reviewing where two coders differ and reconciling them. */
import { DECISIONS, type ConsensusStatus, type Decision, type Disagreement } from '../../../shared/agreement/reports.js';
import type { ProjectDoor } from '../../api/door.js';
import { int, requireStr, str, UsageError, type CommandSpec, type Values } from '../command.js';
import { plural, span, truncate } from '../format.js';
import { consensusName, PAIR_OPTIONS, pairGuids, pairNames, type PairNames } from '../pair-scope.js';

const GROUP = 'Agreement';
const DECISION_WORDS: readonly string[] = DECISIONS;
const SCOPE_OPTIONS = PAIR_OPTIONS;
/** Every call these commands make: names are resolved through the list calls first. */
const RESOLVE = ['coders.list', 'codebook.list', 'documents.list'] as const;

/** Opens the project and turns the typed names into the GUID scope of the calls. */
async function open(ctx: { door(path: string): Promise<ProjectDoor> }, path: string, names: PairNames, values: Values) {
  const door = await ctx.door(path);
  return { door, scope: { ...(await pairGuids(door, names)), ...consensusName(values) } };
}

const NAME_OPTION = { name: { type: 'string', value: 'NAME', help: 'the consensus coder (default "Consensus (A+B)")' } } as const;

const where = (i: Pick<Disagreement, 'document' | 'lineStart' | 'lineEnd'>) =>
  `${i.document}:${i.lineStart === i.lineEnd ? i.lineStart : `${i.lineStart}–${i.lineEnd}`}`;
const other = (i: Disagreement, coders: [string, string]) => (i.kind === 'onlyA' ? coders[1] : coders[0]);
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** One item for people: id, where, code, who; then the text in context with the stretch in ⟦ ⟧. */
function itemText(i: Disagreement, coders: [string, string]): string {
  const who = `only ${i.coder} coded this (${other(i, coders)} did not)`;
  return [
    `${i.id}  ${where(i)}  ${i.code}`,
    `    ${who}, ${span(i.start, i.end)}${i.speaker ? `, speaker: ${i.speaker}` : ''}`,
    `    ${i.before}⟦${oneLine(i.text)}⟧${i.after}`,
  ].join('\n');
}

function openLine(i: Disagreement): string {
  return `  ${i.id}  ${where(i)}  ${i.code}  only ${i.coder}: "${truncate(oneLine(i.text).trim(), 70)}"`;
}

function statusText(s: ConsensusStatus, openLimit = Infinity): string {
  const out = [
    `${s.coder} (consensus of ${s.coders[0]} and ${s.coders[1]}): ${s.decided} of ${plural(s.items, 'disagreement')} decided, ${s.open.length} open`,
  ];
  if (s.open.length && openLimit > 0) {
    out.push('Open:', ...s.open.slice(0, openLimit).map(openLine));
    if (s.open.length > openLimit) out.push(`  … and ${s.open.length - openLimit} more (see: marginalia consensus status)`);
  }
  if (s.stale.length) {
    out.push(`Stale decisions (a coder changed that text since; they no longer apply):`);
    for (const d of s.stale) out.push(`  ${d.itemId}  ${d.document ?? '?'}  ${d.code ?? '?'}  ${d.kind} ${span(d.start, d.end)}  was: ${d.decision}`);
  }
  return out.join('\n');
}

export const disagreements: CommandSpec = {
  name: 'disagreements',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--coders A,B [--codes PATH,...] [--docs NAME,...]',
  summary: 'Every stretch one coder coded and the other did not, in document order, with its id and context',
  details: `A stretch is a run of characters that coder A gave a code and B did not (or the other way round),
per document and code. Its id stays the same as long as the stretch does; pass it to
"marginalia consensus decide --item ID". Offsets are UTF-16 units, [start,end).`,
  calls: ['agreement.disagreements', ...RESOLVE],
  options: { ...SCOPE_OPTIONS },
  async run(ctx, { positionals, values }) {
    const s = pairNames(values, 'disagreements');
    const door = await ctx.door(positionals[0]!);
    const items = await door.call('agreement.disagreements', await pairGuids(door, s));
    if (items.length === 0) return { data: items, text: `No disagreements: ${s.coders[0]} and ${s.coders[1]} coded the same text with the same codes.` };
    const coders: [string, string] = [items.find((i) => i.kind === 'onlyA')?.coder ?? s.coders[0], items.find((i) => i.kind === 'onlyB')?.coder ?? s.coders[1]];
    const onlyA = items.filter((i) => i.kind === 'onlyA').length;
    const docs = new Set(items.map((i) => i.document)).size;
    const summary = `${plural(items.length, 'disagreement')} in ${plural(docs, 'document')}: ${onlyA} only ${coders[0]}, ${items.length - onlyA} only ${coders[1]}`;
    return { data: items, text: `${items.map((i) => itemText(i, coders)).join('\n\n')}\n\n${summary}` };
  },
};

export const consensusStart: CommandSpec = {
  name: 'consensus start',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--coders A,B [--name NAME]',
  summary: 'Create the consensus coder of two coders, holding the text both coded alike',
  details: `The consensus coder is an ordinary coder (default name "Consensus (A+B)"). Its codings are the text
both coders gave the same code, plus every disagreement decided to keep. Running start again brings
it up to date after the coders changed their codings.`,
  calls: ['consensus.start', ...RESOLVE],
  options: { ...SCOPE_OPTIONS, ...NAME_OPTION },
  async run(ctx, { positionals, values }) {
    const s = pairNames(values, 'consensus start');
    const { door, scope } = await open(ctx, positionals[0]!, s, values);
    const r = await door.call('consensus.start', scope);
    const head = r.created
      ? `Created ${r.coder}, holding the text ${r.coders[0]} and ${r.coders[1]} coded alike.`
      : `${r.coder} is up to date (${plural(r.cellsRewritten, 'document × code', 'documents × codes')} rewritten).`;
    const next = r.open.length
      ? `\nDecide each with: marginalia consensus decide PROJECT --coders ${s.coders.join(',')} --item ID --decision ${DECISION_WORDS.join('|')}`
      : '';
    return { data: r, text: `${head}\n${statusText(r, 20)}${next}` };
  },
};

export const consensusDecide: CommandSpec = {
  name: 'consensus decide',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--coders A,B --item ID --decision accept-a|accept-b|keep-both|drop|custom [--start N --end N] [--reason TEXT] [--name NAME]',
  summary: 'Decide one disagreement; the consensus coder\u2019s codings follow (a decision can be changed)',
  details: `accept-a: take A's version of the stretch (keep it if A coded it, leave it out if only B did);
accept-b: the same for B; keep-both: keep the stretch; drop: leave it out;
custom: keep --start..--end instead (UTF-16 offsets into the document, [start,end)).
Deciding an item again replaces its decision; both are kept in the event log.`,
  calls: ['consensus.decide', ...RESOLVE],
  options: {
    ...SCOPE_OPTIONS,
    ...NAME_OPTION,
    item: { type: 'string', value: 'ID', help: 'the disagreement id (from: marginalia disagreements)' },
    decision: { type: 'string', value: 'DECISION', help: DECISION_WORDS.join(', ') },
    start: { type: 'string', value: 'N', help: 'custom: start offset' },
    end: { type: 'string', value: 'N', help: 'custom: end offset (exclusive)' },
    reason: { type: 'string', value: 'TEXT', help: 'why (kept with the decision)' },
  },
  async run(ctx, { positionals, values }) {
    const c = 'consensus decide';
    const names = pairNames(values, c);
    const decision = requireStr(values, 'decision', c).trim();
    if (!DECISION_WORDS.includes(decision)) throw new UsageError(`--decision must be one of ${DECISION_WORDS.join(', ')} (got "${decision}")`, c);
    const item = requireStr(values, 'item', c);
    const start = str(values, 'start');
    const end = str(values, 'end');
    const reason = str(values, 'reason');
    const startAt = start === undefined ? undefined : int(start, '--start', c);
    const endAt = end === undefined ? undefined : int(end, '--end', c);
    const { door, scope } = await open(ctx, positionals[0]!, names, values);
    const r = await door.call('consensus.decide', {
      ...scope,
      item,
      decision: decision as Decision,
      ...(startAt !== undefined && { start: startAt }),
      ...(endAt !== undefined && { end: endAt }),
      ...(reason !== undefined && { reason }),
    });
    const what = r.decision === 'custom' && r.custom ? `custom ${span(r.custom.start, r.custom.end)}` : r.decision;
    const was = r.previous ? ` (was ${r.previous})` : '';
    const lines = [
      `${r.item.id}  ${where(r.item)}  ${r.item.code}  only ${r.item.coder}: ${what}${was}${r.reason ? ` — ${r.reason}` : ''}`,
      `${r.coder} now codes ${r.item.code} in ${r.item.document} at ${r.consensus.length ? r.consensus.map((x) => span(x.start, x.end)).join(', ') : 'no text'}`,
      statusText(r, 0),
    ];
    return { data: r, text: lines.join('\n') };
  },
};

export const consensusStatus: CommandSpec = {
  name: 'consensus status',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--coders A,B [--name NAME] [--codes PATH,...] [--docs NAME,...]',
  summary: 'How many disagreements are decided, which are still open, and which decisions went stale',
  calls: ['consensus.status', ...RESOLVE],
  options: { ...SCOPE_OPTIONS, ...NAME_OPTION },
  async run(ctx, { positionals, values }) {
    const s = pairNames(values, 'consensus status');
    const { door, scope } = await open(ctx, positionals[0]!, s, values);
    const r = await door.call('consensus.status', scope);
    return { data: r, text: statusText(r) };
  },
};
