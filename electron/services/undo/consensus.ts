/**
 * Inverses of consensus decisions. A decision's batch holds the decision event and the consensus
 * coder's coding changes that followed from it (consensus.uncode and the placement events), so
 * undoing the batch puts both back exactly. Starting and finishing a consensus have their own
 * inverses (consensus-lifecycle.ts).
 */
import { codeById } from '../../../db/queries/codes.js';
import { decisionByGuid, deleteDecisionRow, updateDecision, type DecisionRow } from '../../../db/queries/consensus.js';
import { documentById } from '../../../db/queries/documents.js';
import { restoreDecisionRows } from '../../../db/queries/restore.js';
import { coderById } from '../../../db/queries/snapshots.js';
import { restoreCoding, type CodingSnapshot } from './codings.js';
import { conflict, guidOf, shaped, type Inverse, type UndoContext } from './context.js';

/** What a decision says: two events agree on it when these match. */
const FIELDS = ['decision', 'customStart', 'customEnd', 'reason'] as const;
const sameDecision = (a: Partial<DecisionRow>, b: Partial<DecisionRow>) => FIELDS.every((k) => (a[k] ?? null) === (b[k] ?? null));

function currentDecision(ctx: UndoContext, guid: string, expected: Partial<DecisionRow>): DecisionRow {
  const cur = decisionByGuid(ctx.action.db, guid);
  if (!cur) conflict(ctx, 'the consensus decision has been removed since');
  if (!sameDecision(cur, expected)) conflict(ctx, 'the consensus decision has been changed again since');
  return cur;
}

/** consensus.decide → the item is undecided again. */
const undoDecide: Inverse = (ctx, e) => {
  const cur = currentDecision(ctx, guidOf(ctx, e), shaped<DecisionRow>(e.after ?? {}));
  deleteDecisionRow(ctx.action.db, cur.id);
  ctx.action.log({ action: 'consensus.undecide', entity: 'consensus_decision', entityGuid: cur.guid, before: cur });
};

/** consensus.undecide → the decision comes back with its id and GUID (ids are never reused). */
const undoUndecide: Inverse = (ctx, e) => {
  const { db } = ctx.action;
  const row = shaped<DecisionRow>(e.before ?? {});
  if (decisionByGuid(db, row.guid)) conflict(ctx, 'the consensus decision is back already');
  if (!documentById(db, row.documentId) || !codeById(db, row.codeId) || [row.consensusCoderId, row.coderAId, row.coderBId].some((id) => !coderById(db, id))) {
    conflict(ctx, 'a consensus decision refers to a document, code or coder deleted since');
  }
  restoreDecisionRows(db, [row]);
  ctx.action.log({ action: 'consensus.decide', entity: 'consensus_decision', entityGuid: row.guid, after: row });
};

/** consensus.redecide → the decision it replaced (with who made it and when). */
const undoRedecide: Inverse = (ctx, e) => {
  const cur = currentDecision(ctx, guidOf(ctx, e), shaped<DecisionRow>(e.after ?? {}));
  const before = shaped<DecisionRow>(e.before ?? {});
  const back = {
    decision: before.decision,
    customStart: before.customStart,
    customEnd: before.customEnd,
    reason: before.reason,
    decidedBy: before.decidedBy,
    updatedAt: before.updatedAt,
  };
  updateDecision(ctx.action.db, cur.id, back);
  ctx.action.log({ action: 'consensus.redecide', entity: 'consensus_decision', entityGuid: cur.guid, before: cur, after: { ...cur, ...back } });
};

/** consensus.uncode (a consensus coding the rebuild removed) → the coding comes back. */
const undoUncode: Inverse = (ctx, e) => restoreCoding(ctx, (e.before ?? {}) as CodingSnapshot);

export const consensusInverses: Record<string, Inverse> = {
  'consensus.decide': undoDecide,
  'consensus.undecide': undoUndecide,
  'consensus.redecide': undoRedecide,
  'consensus.uncode': undoUncode,
};
