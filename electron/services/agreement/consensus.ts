/**
 * Consensus between two coders. A consensus coder's codings are derived, per document × code,
 * from the text both coders coded plus every decided disagreement that keeps its stretch (or a
 * custom span). Decisions are stored, logged and can be changed; undecided stretches stay out
 * and are listed as open. Agreement can be recomputed at any time against the consensus coder.
 */
import { runAction, type Action } from '../../../db/action.js';
import { codingsOfCell, decisionByItem, decisionsOf, insertDecision, updateDecision, type DecisionRow } from '../../../db/queries/consensus.js';
import { coderByName } from '../../../db/queries/coders.js';
import { deleteCodingRow } from '../../../db/queries/codings.js';
import { documentText } from '../../../db/queries/documents.js';
import { getMeta, setMeta } from '../../../db/queries/meta.js';
import { spanDifference, unionSpans } from '../../../shared/agreement/index.js';
import { fail } from '../../../shared/errors.js';
import { newGuid } from '../../../shared/ids.js';
import type { CoderRecord, Span } from '../../../shared/types.js';
import { ensureCoder } from '../codings.js';
import { placeCodings } from '../placement.js';
import type { Session } from '../session.js';
import { loadAgreementData, type AgreementData, type AgreementScope, type CodeDocSpans } from './data.js';
import { listDisagreements, type Disagreement } from './disagreements.js';

export const DECISIONS = ['accept-a', 'accept-b', 'keep-both', 'drop', 'custom'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface ConsensusScope extends AgreementScope {
  /** Name of the consensus coder (default "Consensus (A+B)"). */
  name?: string;
}

export const consensusName = (scope: ConsensusScope) => scope.name?.trim() || `Consensus (${scope.coders[0]}+${scope.coders[1]})`;

/** Whether a decision keeps its stretch; `custom` keeps its own span instead. */
function keeps(decision: Decision, kind: 'onlyA' | 'onlyB'): boolean {
  return decision === 'keep-both' || (decision === 'accept-a' && kind === 'onlyA') || (decision === 'accept-b' && kind === 'onlyB');
}

/** The spans the consensus coder should hold for one document × code. */
function desiredSpans(cell: CodeDocSpans, items: Disagreement[], decisions: Map<string, DecisionRow>): Span[] {
  const spans: Span[] = [...spanDifference(cell.a, cell.b).both];
  for (const item of items) {
    const d = decisions.get(item.id);
    if (!d) continue;
    if (d.decision === 'custom') spans.push({ start: d.customStart!, end: d.customEnd! });
    else if (keeps(d.decision, item.kind)) spans.push({ start: item.start, end: item.end });
  }
  return unionSpans(spans);
}

/** Rewrites the consensus coder's codings of each cell whose desired spans changed. */
function rebuild(action: Action, data: AgreementData, coder: CoderRecord, items: Disagreement[], only?: { documentGuid: string; codeGuid: string }): number {
  const decisions = new Map(decisionsOf(action.db, coder.id).map((d) => [d.itemId, d]));
  let changed = 0;
  for (const cell of data.cells) {
    if (only && (cell.document.guid !== only.documentGuid || cell.code.guid !== only.codeGuid)) continue;
    const mine = items.filter((i) => i.documentGuid === cell.document.guid && i.codeGuid === cell.code.guid);
    const want = desiredSpans(cell, mine, decisions);
    const have = codingsOfCell(action.db, coder.id, cell.document.id, cell.code.id);
    const same = want.length === have.length && want.every((w, i) => w.start === have[i]!.start && w.end === have[i]!.end);
    if (same) continue;
    changed += 1;
    for (const h of have) {
      action.log({ action: 'consensus.uncode', entity: 'coding', entityGuid: h.guid, before: h });
      deleteCodingRow(action.db, h.id);
    }
    if (want.length) {
      const text = documentText(action.db, cell.document.id);
      placeCodings(action, want.map((w) => ({ documentId: cell.document.id, codeId: cell.code.id, coderId: coder.id, ...w })), new Map([[cell.document.id, text]]));
    }
  }
  return changed;
}

export interface ConsensusStatus {
  coder: string;
  coders: [string, string];
  items: number;
  decided: number;
  open: Disagreement[];
  /** Decisions whose disagreement no longer exists (a coder changed their codings since). */
  stale: { itemId: string; decision: Decision; document: string | null }[];
}

function status(action: Action, data: AgreementData, coder: CoderRecord, items: Disagreement[]): ConsensusStatus {
  const decisions = decisionsOf(action.db, coder.id);
  const ids = new Set(items.map((i) => i.id));
  const decided = new Set(decisions.map((d) => d.itemId));
  return {
    coder: coder.name,
    coders: [data.coders[0].name, data.coders[1].name],
    items: items.length,
    decided: items.filter((i) => decided.has(i.id)).length,
    open: items.filter((i) => !decided.has(i.id)),
    stale: decisions.filter((d) => !ids.has(d.itemId)).map((d) => ({ itemId: d.itemId, decision: d.decision, document: data.documents.find((x) => x.id === d.documentId)?.name ?? null })),
  };
}

/** The two coders' data, with the consensus coder kept out of "either coder used this code". */
function load(session: Session, scope: ConsensusScope) {
  const data = loadAgreementData(session, { ...scope, withGuids: true });
  return { data, items: listDisagreements(session, scope, data) };
}

export function startConsensus(session: Session, scope: ConsensusScope): ConsensusStatus {
  const { data, items } = load(session, scope);
  const name = consensusName(scope);
  return runAction(session.project, session.actor, (action) => {
    const existing = coderByName(action.db, name);
    const pairKey = `${data.coders[0].guid}+${data.coders[1].guid}`;
    if (existing && getMeta(action.db, `consensus:${existing.guid}`) !== pairKey) {
      fail('conflict', `a coder named "${name}" already exists and is not the consensus of ${data.coders[0].name} and ${data.coders[1].name}; choose another --name`);
    }
    const coder = existing ?? ensureCoder(action, name);
    setMeta(action.db, `consensus:${coder.guid}`, pairKey);
    rebuild(action, data, coder, items);
    return status(action, data, coder, items);
  });
}

function requireConsensusCoder(action: Action, data: AgreementData, scope: ConsensusScope): CoderRecord {
  const name = consensusName(scope);
  const coder = coderByName(action.db, name);
  const pairKey = `${data.coders[0].guid}+${data.coders[1].guid}`;
  if (!coder || getMeta(action.db, `consensus:${coder.guid}`) !== pairKey) {
    fail('not_found', `no consensus "${name}" for ${data.coders[0].name} and ${data.coders[1].name} yet (start one with: marginalia consensus start PROJECT --coders ${scope.coders.join(',')})`);
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

export function decide(session: Session, req: DecideRequest): ConsensusStatus {
  if (!DECISIONS.includes(req.decision)) fail('invalid_input', `unknown decision "${req.decision}" (use ${DECISIONS.join(', ')})`);
  const { data, items } = load(session, req);
  const item = items.find((i) => i.id === req.item);
  if (!item) fail('not_found', `no open disagreement with id "${req.item}" between ${data.coders[0].name} and ${data.coders[1].name} (list them with: marginalia disagreements)`);
  const doc = data.documents.find((d) => d.guid === item.documentGuid)!;
  const code = data.codes.find((c) => c.guid === item.codeGuid)!;
  let custom: Span | null = null;
  if (req.decision === 'custom') {
    if (!Number.isInteger(req.start) || !Number.isInteger(req.end)) fail('invalid_input', 'a custom decision needs --start and --end (UTF-16 offsets)');
    if (req.start! < 0 || req.end! > doc.length || req.start! >= req.end!) fail('invalid_input', `${doc.name}: custom span ${req.start}–${req.end} must lie within the document (length ${doc.length}) with start < end`);
    custom = { start: req.start!, end: req.end! };
  } else if (req.start !== undefined || req.end !== undefined) {
    fail('invalid_input', '--start and --end only go with --decision custom');
  }
  return runAction(session.project, session.actor, (action) => {
    const coder = requireConsensusCoder(action, data, req);
    const before = decisionByItem(action.db, coder.id, item.id);
    const fields = {
      decision: req.decision,
      customStart: custom?.start ?? null,
      customEnd: custom?.end ?? null,
      reason: req.reason?.trim() ?? '',
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
    rebuild(action, data, coder, items, { documentGuid: item.documentGuid, codeGuid: item.codeGuid });
    return status(action, data, coder, items);
  });
}

export function consensusStatus(session: Session, scope: ConsensusScope): ConsensusStatus {
  const { data, items } = load(session, scope);
  return runAction(session.project, session.actor, (action) => status(action, data, requireConsensusCoder(action, data, scope), items));
}
