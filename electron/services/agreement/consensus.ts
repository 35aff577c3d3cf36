/**
 * Consensus between two coders. A consensus coder is an ordinary coder whose codings are
 * derived, per document × code, from the text both coders coded (the intersection) plus every
 * decided disagreement that keeps its stretch (or a custom span). Decisions are stored, logged
 * and can be changed; undecided stretches stay out and are listed as open. Because the consensus
 * coder is a normal coder, agreement of A (or B) against it can be computed at any time.
 *
 * Which coder is the consensus of which pair is kept in project_meta (`consensus:<coder guid>` =
 * `<guid A>+<guid B>`), so a coder that merely has the same name is never overwritten.
 */
import { runAction, type Action } from '../../../db/action.js';
import { codingsOfGroup, deleteCodingRow } from '../../../db/queries/codings.js';
import { coderByName } from '../../../db/queries/coders.js';
import { decisionByItem, decisionsOf, insertDecision, updateDecision, type DecisionRow } from '../../../db/queries/consensus.js';
import { documentById, documentText } from '../../../db/queries/documents.js';
import { memoFor } from '../../../db/queries/memos.js';
import { getMeta, setMeta } from '../../../db/queries/meta.js';
import { spanDifference, unionSpans } from '../../../shared/agreement/index.js';
import { DECISIONS, type ConsensusStatus, type DecideResult, type Decision, type StaleDecision, type StartResult } from '../../../shared/agreement/reports.js';
import { fail } from '../../../shared/errors.js';
import { newGuid } from '../../../shared/ids.js';
import type { CoderRecord, Span } from '../../../shared/types.js';
import { ensureCoder } from '../codings.js';
import { codeIndex } from '../lookup.js';
import { placeCodings } from '../placement.js';
import type { Session } from '../session.js';
import { loadAgreementData, type AgreementData, type AgreementScope, type CodeDocSpans } from './data.js';
import { listDisagreements, type Disagreement } from './disagreements.js';

export { DECISIONS };
export type { ConsensusStatus, Decision, DecideResult, StaleDecision, StartResult };

export interface ConsensusScope extends AgreementScope {
  /** Name of the consensus coder (default "Consensus (A+B)"). */
  name?: string;
  /** Leave the open items out of the answer (`open` is empty; there are items − decided): for callers that hold the disagreements already. */
  brief?: boolean;
}

export const consensusName = (scope: ConsensusScope) => scope.name?.trim() || `Consensus (${scope.coders[0].trim()}+${scope.coders[1].trim()})`;

/** Whether a decision keeps its stretch; `custom` keeps its own span instead. */
export function keeps(decision: Decision, kind: 'onlyA' | 'onlyB'): boolean {
  return decision === 'keep-both' || (decision === 'accept-a' && kind === 'onlyA') || (decision === 'accept-b' && kind === 'onlyB');
}

const cellKey = (documentGuid: string, codeGuid: string) => `${documentGuid}|${codeGuid}`;

/** The spans the consensus coder should hold for one document × code. */
function desiredSpans(cell: CodeDocSpans, items: readonly Disagreement[], decisions: Map<string, DecisionRow>): Span[] {
  const spans: Span[] = [...spanDifference(cell.a, cell.b).both];
  for (const item of items) {
    const d = decisions.get(item.id);
    if (!d) continue;
    if (d.decision === 'custom') spans.push({ start: d.customStart!, end: d.customEnd! });
    else if (keeps(d.decision, item.kind)) spans.push({ start: item.start, end: item.end });
  }
  return unionSpans(spans);
}

/** Index of the span in sorted, disjoint `spans` that contains [start, end), or -1. */
function containing(spans: readonly Span[], start: number, end: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = spans[mid]!;
    if (start < s.start) hi = mid - 1;
    else if (start >= s.end) lo = mid + 1;
    else return end <= s.end ? mid : -1;
  }
  return -1;
}

/**
 * Brings the consensus coder's codings of each cell (or only the cell `only`) to the desired
 * spans. A coding inside a desired span stays and is widened to it by the merge rule of
 * `placeCodings` (so its GUID and memo survive a change of decision); any other coding is removed
 * and logged with its memo. Returns how many cells changed.
 */
function rebuild(action: Action, data: AgreementData, coder: CoderRecord, items: readonly Disagreement[], only?: string): number {
  const decisions = new Map(decisionsOf(action.db, coder.id).map((d) => [d.itemId, d]));
  const byCell = new Map<string, Disagreement[]>();
  for (const i of items) {
    const k = cellKey(i.documentGuid, i.codeGuid);
    byCell.set(k, [...(byCell.get(k) ?? []), i]);
  }
  let changed = 0;
  for (const cell of data.cells) {
    const key = cellKey(cell.document.guid, cell.code.guid);
    if (only !== undefined && key !== only) continue;
    const want = desiredSpans(cell, byCell.get(key) ?? [], decisions);
    const inside = want.map(() => [] as Span[]);
    const gone = [];
    for (const h of codingsOfGroup(action.db, cell.document.id, cell.code.id, coder.id)) {
      const w = containing(want, h.start, h.end);
      if (w < 0) gone.push(h);
      else inside[w]!.push(h);
    }
    const place = want.filter((w, i) => !(inside[i]!.length === 1 && inside[i]![0]!.start === w.start && inside[i]![0]!.end === w.end));
    if (gone.length === 0 && place.length === 0) continue;
    changed += 1;
    for (const h of gone) {
      const memoRow = memoFor(action.db, 'coding', h.id) ?? null;
      deleteCodingRow(action.db, h.id);
      action.log({ action: 'consensus.uncode', entity: 'coding', entityGuid: h.guid, before: { ...h, memoRow } });
    }
    if (place.length) {
      const texts = new Map([[cell.document.id, documentText(action.db, cell.document.id)]]);
      placeCodings(
        action,
        place.map((w) => ({ documentId: cell.document.id, codeId: cell.code.id, coderId: coder.id, ...w })),
        texts,
      );
    }
  }
  return changed;
}

function status(action: Action, data: AgreementData, scope: ConsensusScope, coder: CoderRecord, items: readonly Disagreement[]): ConsensusStatus {
  const docIds = new Set(data.documents.map((d) => d.id));
  const codeIds = new Set(data.codes.map((c) => c.id));
  // Decisions outside an explicit --docs/--codes scope are neither counted nor stale.
  const decisions = decisionsOf(action.db, coder.id).filter(
    (d) => (!scope.documents?.length || docIds.has(d.documentId)) && (!scope.codes?.length || codeIds.has(d.codeId)),
  );
  const ids = new Set(items.map((i) => i.id));
  const decided = new Set(decisions.map((d) => d.itemId));
  const stale = decisions.filter((d) => !ids.has(d.itemId));
  const paths = stale.length ? new Map([...codeIndex(action.db).values()].map((c) => [c.id, c.path])) : new Map<number, string>();
  const docGuids = new Map(data.documents.map((d) => [d.id, d.guid]));
  const docNames = new Map(data.documents.map((d) => [d.guid, d.name]));
  const codeGuids = new Map(data.codes.map((c) => [c.id, c.guid]));
  return {
    coder: coder.name,
    coderGuid: coder.guid,
    coders: [data.coders[0].name, data.coders[1].name],
    items: items.length,
    decided: items.filter((i) => decided.has(i.id)).length,
    open: scope.brief ? [] : items.filter((i) => !decided.has(i.id)),
    stale: stale.map((d) => ({
      itemId: d.itemId,
      decision: d.decision,
      document: documentById(action.db, d.documentId)?.name ?? null,
      code: paths.get(d.codeId) ?? null,
      kind: d.kind,
      start: d.start,
      end: d.end,
    })),
    finishedAt: getMeta(action.db, `consensus-finished:${coder.guid}`) ?? null,
    decisions: decisions
      .filter((d) => docGuids.has(d.documentId) && codeGuids.has(d.codeId))
      .map((d) => ({
        itemId: d.itemId,
        documentGuid: docGuids.get(d.documentId)!,
        codeGuid: codeGuids.get(d.codeId)!,
        kind: d.kind,
        start: d.start,
        end: d.end,
        decision: d.decision,
        custom: d.decision === 'custom' ? { start: d.customStart!, end: d.customEnd! } : null,
        reason: d.reason,
        decidedBy: d.decidedBy,
        updatedAt: d.updatedAt,
        stale: !ids.has(d.itemId),
      }))
      .sort((x, y) => docNames.get(x.documentGuid)!.localeCompare(docNames.get(y.documentGuid)!) || x.start - y.start || x.end - y.end),
  };
}

function load(session: Session, scope: ConsensusScope) {
  const data = loadAgreementData(session, { ...scope, withGuids: true });
  return { data, items: listDisagreements(session, scope, data) };
}

const pairKey = (data: AgreementData) => `${data.coders[0].guid}+${data.coders[1].guid}`;

/** Creates (or refreshes) the consensus coder: the agreed text plus every decision already made. */
export function startConsensus(session: Session, scope: ConsensusScope): StartResult {
  const { data, items } = load(session, scope);
  const name = consensusName(scope);
  if (data.coders.some((c) => c.name.toLowerCase() === name.toLowerCase()))
    fail('invalid_input', `the consensus coder cannot be "${name}", one of the two coders compared; choose another --name`);
  return runAction(session.project, session.actor, (action) => {
    const existing = coderByName(action.db, name);
    if (existing && getMeta(action.db, `consensus:${existing.guid}`) !== pairKey(data)) {
      fail(
        'conflict',
        `a coder named "${existing.name}" already exists and is not the consensus of ${data.coders[0].name} and ${data.coders[1].name}; choose another --name`,
      );
    }
    const coder = existing ?? ensureCoder(action, name);
    if (!existing) {
      setMeta(action.db, `consensus:${coder.guid}`, pairKey(data));
      action.log({
        action: 'consensus.start',
        entity: 'coder',
        entityGuid: coder.guid,
        after: { consensus: coder.name, coders: [data.coders[0].guid, data.coders[1].guid] },
      });
    }
    const cellsRewritten = rebuild(action, data, coder, items);
    return { ...status(action, data, scope, coder, items), created: !existing, cellsRewritten };
  });
}

function requireConsensusCoder(action: Action, data: AgreementData, scope: ConsensusScope): CoderRecord {
  const name = consensusName(scope);
  const coder = coderByName(action.db, name);
  if (!coder || getMeta(action.db, `consensus:${coder.guid}`) !== pairKey(data)) {
    fail(
      'not_found',
      `no consensus "${name}" of ${data.coders[0].name} and ${data.coders[1].name} yet (start one with: marginalia consensus start PROJECT --coders ${scope.coders.join(',')})`,
    );
  }
  return coder;
}

export interface DecideRequest extends ConsensusScope {
  item: string;
  decision: Decision;
  start?: number;
  end?: number;
  reason?: string;
}

export function decide(session: Session, req: DecideRequest): DecideResult {
  if (!DECISIONS.includes(req.decision)) fail('invalid_input', `unknown decision "${req.decision}" (use ${DECISIONS.join(', ')})`);
  const { data, items } = load(session, req);
  const item = items.find((i) => i.id === req.item.trim());
  if (!item)
    fail(
      'not_found',
      `no open disagreement with id "${req.item}" between ${data.coders[0].name} and ${data.coders[1].name} (list them with: marginalia disagreements PROJECT --coders ${req.coders.join(',')})`,
    );
  const doc = data.documents.find((d) => d.guid === item.documentGuid)!;
  const code = data.codes.find((c) => c.guid === item.codeGuid)!;
  let custom: Span | null = null;
  if (req.decision === 'custom') {
    if (!Number.isInteger(req.start) || !Number.isInteger(req.end)) fail('invalid_input', 'a custom decision needs --start and --end (UTF-16 offsets)');
    if (req.start! < 0 || req.end! > doc.length || req.start! >= req.end!)
      fail('invalid_input', `${doc.name}: custom span [${req.start},${req.end}) must lie within the document (length ${doc.length}) with start < end`);
    custom = { start: req.start!, end: req.end! };
  } else if (req.start !== undefined || req.end !== undefined) {
    fail('invalid_input', '--start and --end only go with --decision custom');
  }
  const reason = req.reason?.trim() ?? '';
  return runAction(session.project, session.actor, (action) => {
    const coder = requireConsensusCoder(action, data, req);
    const before = decisionByItem(action.db, coder.id, item.id);
    const fields = {
      decision: req.decision,
      customStart: custom?.start ?? null,
      customEnd: custom?.end ?? null,
      reason,
      decidedBy: session.actor,
      updatedAt: action.at,
    };
    if (before) {
      updateDecision(action.db, before.id, fields);
      action.log({ action: 'consensus.redecide', entity: 'consensus_decision', entityGuid: before.guid, before, after: { ...before, ...fields } });
    } else {
      const row = {
        guid: newGuid(),
        itemId: item.id,
        consensusCoderId: coder.id,
        coderAId: data.coders[0].id,
        coderBId: data.coders[1].id,
        documentId: doc.id,
        codeId: code.id,
        kind: item.kind,
        start: item.start,
        end: item.end,
        decidedAt: action.at,
        ...fields,
      };
      insertDecision(action.db, row);
      action.log({ action: 'consensus.decide', entity: 'consensus_decision', entityGuid: row.guid, after: row });
    }
    rebuild(action, data, coder, items, cellKey(item.documentGuid, item.codeGuid));
    const consensus = codingsOfGroup(action.db, doc.id, code.id, coder.id).map((c) => ({ start: c.start, end: c.end }));
    return { ...status(action, data, req, coder, items), item, decision: req.decision, custom, reason, previous: before?.decision ?? null, consensus };
  });
}

/** Decided and open counts, the open items and stale decisions; reads only. */
export function consensusStatus(session: Session, scope: ConsensusScope): ConsensusStatus {
  const { data, items } = load(session, scope);
  return runAction(session.project, session.actor, (action) => status(action, data, scope, requireConsensusCoder(action, data, scope), items));
}

/**
 * Declares the consensus finished: brings its codings up to date with every decision and records
 * when, with how many items were still open (they stay out of the consensus). Deciding again
 * afterwards is allowed; finishing again records the new time.
 */
export function finishConsensus(session: Session, scope: ConsensusScope): ConsensusStatus {
  const { data, items } = load(session, scope);
  return runAction(session.project, session.actor, (action) => {
    const coder = requireConsensusCoder(action, data, scope);
    rebuild(action, data, coder, items);
    setMeta(action.db, `consensus-finished:${coder.guid}`, action.at);
    const s = status(action, data, scope, coder, items);
    action.log({
      action: 'consensus.finish',
      entity: 'coder',
      entityGuid: coder.guid,
      after: { consensus: coder.name, items: s.items, decided: s.decided, open: s.open.length, stale: s.stale.length },
    });
    return s;
  });
}
