/**
 * Exporting an agreement report: the same report `agreement.report` gives (so the numbers are
 * the CLI's and the dashboard's), its disagreements, and the project's file name and today's
 * date, written in the chosen format as a file's bytes.
 */
import { basename } from 'node:path';
import type { AgreementReport, Disagreement } from '../../../shared/agreement/reports.js';
import type { AgreementExportFile, ReportFormat } from '../../../shared/agreement/export.js';
import { reportCsv } from './csv.js';
import { reportHtml } from './html.js';
import { reportMarkdown } from './markdown.js';
import { buildModel } from './model.js';
import { reportXlsx } from './xlsx.js';

const MIME: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

export async function exportAgreementReport(
  report: AgreementReport,
  disagreements: readonly Disagreement[],
  projectPath: string,
  format: ReportFormat,
  options: { unusedCodes?: readonly string[]; now?: Date } = {},
): Promise<AgreementExportFile> {
  const now = options.now ?? new Date();
  const project = basename(projectPath);
  const model = buildModel(report, disagreements, { project, date: now.toISOString(), ...(options.unusedCodes && { unusedCodes: options.unusedCodes }) });
  const bytes =
    format === 'xlsx'
      ? await reportXlsx(model)
      : Buffer.from(format === 'csv' ? reportCsv(model) : format === 'md' ? reportMarkdown(model) : reportHtml(model), 'utf8');
  const stem = project.replace(/\.[^.]+$/, '');
  const name = `${stem} agreement ${report.coders.join('-')} ${report.unit} ${now.toISOString().slice(0, 10)}.${format}`.replace(/[\\/:*?"<>|]/g, '_');
  return { name, mime: MIME[format], base64: Buffer.from(bytes).toString('base64') };
}
