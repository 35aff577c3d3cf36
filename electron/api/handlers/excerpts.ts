/** Handlers for the methods in shared/api/methods/excerpts.ts: the arguments as validated go to the export service. */
import type { excerptMethods } from '../../../shared/api/methods/excerpts.js';
import { excerptProgress, exportExcerpts, exportExcerptsTo, previewExcerpts } from '../../services/excerpts/export.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type ExcerptMethod = keyof typeof excerptMethods;

export function excerptHandlers(session: Session): { [M in ExcerptMethod]: Handler<M> } {
  return {
    'excerpts.preview': (req) => previewExcerpts(session, req),
    'excerpts.export': (req) => exportExcerpts(session, req),
    'excerpts.exportTo': (req) => exportExcerptsTo(session, req),
    'excerpts.progress': ({ job }) => excerptProgress(job),
  };
}
