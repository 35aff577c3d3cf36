/**
 * Handlers for comparing coders (agreement reports, disagreements, consensus), merging a coder's
 * project file and reading the event log. The agreement services take names; the API takes GUIDs,
 * translated once per call by scopeOfGuids.
 */
import { fail } from '../../../shared/errors.js';
import { characterReport } from '../../services/agreement/character.js';
import { consensusStatus, decide, finishConsensus, startConsensus } from '../../services/agreement/consensus.js';
import { listDisagreements } from '../../services/agreement/disagreements.js';
import { presenceReport } from '../../services/agreement/presence.js';
import { scopeOfGuids, type ScopeByGuid } from '../../services/agreement/scope-ids.js';
import { segmentReport } from '../../services/agreement/segments.js';
import { tableStatistic, tableStatisticOfCsv } from '../../services/agreement/table-stats.js';
import { turnReport } from '../../services/agreement/turns.js';
import { unitizedReport } from '../../services/agreement/unitized.js';
import { mergeProject } from '../../services/coder-project-merge/merge-project.js';
import { projectLog } from '../../services/event-log.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type AnalysisMethod =
  | 'agreement.report'
  | 'agreement.stats'
  | 'agreement.disagreements'
  | 'consensus.start'
  | 'consensus.decide'
  | 'consensus.status'
  | 'consensus.finish'
  | 'project.mergeCoderProject'
  | 'project.log';

/** The one call that needs no project: a statistic over a table the caller hands in. */
export const tableStats: Handler<'agreement.stats'> = ({ csv, file, name, statistic, level, categories, ci }) => {
  const req = { statistic, ...(level && { level }), ...(categories !== undefined && { categories }), ...(ci && { ci }) };
  if ((csv === undefined) === (file === undefined)) fail('invalid_input', 'agreement.stats: give the table as csv or as file, one of the two');
  return file !== undefined ? tableStatistic(file, req) : tableStatisticOfCsv(csv!, name ?? 'the table', req);
};

export function analysisHandlers(session: Session): { [M in AnalysisMethod]: Handler<M> } {
  const scope = (ids: ScopeByGuid) => scopeOfGuids(session, ids);
  const named = <A extends ScopeByGuid & { name?: string | undefined; brief?: boolean | undefined }>({ name, brief, ...ids }: A) => ({
    ...scope(ids),
    ...(name && { name }),
    ...(brief && { brief }),
  });
  return {
    'agreement.report': ({ unit = 'character', overlap, ci, ...ids }) => {
      // Options one unit reads are refused for the others rather than silently ignored.
      if (overlap !== undefined && unit !== 'segment') fail('invalid_input', 'agreement.report: overlap applies to the segment unit only');
      if (ci && unit !== 'character') fail('invalid_input', 'agreement.report: ci applies to the character unit only');
      const s = scope(ids);
      switch (unit) {
        case 'character':
          return characterReport(session, s, ci ? { ci } : {});
        case 'turn':
          return turnReport(session, s);
        case 'segment':
          return segmentReport(session, s, overlap ?? 90);
        case 'document':
          return presenceReport(session, s);
        case 'unitized':
          return unitizedReport(session, s);
      }
    },
    'agreement.stats': tableStats,
    'agreement.disagreements': (ids) => listDisagreements(session, scope(ids)),
    'consensus.start': (req) => startConsensus(session, named(req)),
    'consensus.decide': ({ item, decision, start, end, reason, ...rest }) =>
      decide(session, {
        ...named(rest),
        item,
        decision,
        ...(start !== undefined && { start }),
        ...(end !== undefined && { end }),
        ...(reason !== undefined && { reason }),
      }),
    'consensus.status': (req) => consensusStatus(session, named(req)),
    'consensus.finish': (req) => finishConsensus(session, named(req)),
    'project.mergeCoderProject': ({ file }) => mergeProject(session, file),
    'project.log': ({ limit }) => projectLog(session, limit ?? 20),
  };
}
