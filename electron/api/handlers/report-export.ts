/**
 * Handlers for the Compare coders view's file work: exporting the agreement report (the same
 * report as agreement.report, so the file's numbers are the dashboard's and the CLI's), and
 * merging a coder's project a browser sent as bytes (written to a temporary file, then the same
 * merge as project.mergeCoderProject).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fail } from '../../../shared/errors.js';
import { listDisagreements } from '../../services/agreement/disagreements.js';
import { scopeOfGuids } from '../../services/agreement/scope-ids.js';
import { codebook } from '../../services/codebook.js';
import { exportAgreementReport } from '../../services/agreement-report/export.js';
import { mergeProject } from '../../services/coder-project-merge/merge-project.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';
import { analysisHandlers } from './analysis.js';

export type ReportExportMethod = 'agreement.export' | 'project.mergeCoderUpload';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function reportExportHandlers(session: Session): { [M in ReportExportMethod]: Handler<M> } {
  const report = analysisHandlers(session)['agreement.report'];
  return {
    'agreement.export': async ({ format, ...req }) => {
      const r = await report(req);
      const items = listDisagreements(session, scopeOfGuids(session, req));
      // The reports leave out codes nobody used; the file names them so a reader knows why.
      const reported = new Set(r.unit === 'unitized' ? r.perCategory.map((p) => p.code) : r.codes.map((c) => c.code));
      const inScope = codebook(session).filter((c) => !req.codes?.length || req.codes.includes(c.guid));
      const grouping = (p: string) => [...reported].some((c) => c.startsWith(`${p}/`));
      const unusedCodes = r.unit === 'unitized' ? [] : inScope.map((c) => c.path).filter((p) => !reported.has(p) && !grouping(p));
      return exportAgreementReport(r, items, session.project.path, format, { unusedCodes });
    },
    'project.mergeCoderUpload': ({ name: raw, base64 }) => {
      const name = basename(raw.replace(/\\/g, '/'));
      const b64 = base64.replace(/\s+/g, '');
      if (!BASE64.test(b64)) fail('invalid_input', `${name}: the upload is not base64`);
      const bytes = Buffer.from(b64, 'base64');
      if (bytes.length === 0) fail('not_a_project', `${name}: the file is empty, not a Marginalia project`);
      const dir = mkdtempSync(join(tmpdir(), 'marginalia-upload-'));
      try {
        const file = join(dir, name);
        writeFileSync(file, bytes);
        return mergeProject(session, file);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
