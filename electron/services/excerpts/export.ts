/**
 * The themed excerpt export: collect (one read of the project), render in the chosen format,
 * and hand back the bytes (a browser downloads them) or write them to a path (CLI, desktop
 * menu) through a temporary file. A caller that names a `job` can read how far the export got
 * (excerpts.progress), which the dialog shows as a progress bar; the work yields to the event
 * loop between themes so those reads are answered.
 */
import { basename, resolve } from 'node:path';
import { fail } from '../../../shared/errors.js';
import { excerptHtml } from '../../../shared/excerpts/html.js';
import { excerptMarkdown } from '../../../shared/excerpts/markdown.js';
import { excerptCsv } from '../../../shared/excerpts/table.js';
import {
  EXCERPT_MIME,
  type ExcerptFile,
  type ExcerptModel,
  type ExcerptPreview,
  type ExcerptProgress,
  type ExcerptWritten,
} from '../../../shared/excerpts/types.js';
import type { Session } from '../session.js';
import { collectExcerpts } from './collect.js';
import { excerptDocx } from './docx.js';
import type { ExcerptFileRequest, ExcerptRequest } from './request.js';
import { writeFileAtomic } from '../../files/write-atomic.js';
import { excerptXlsx } from './xlsx.js';

const jobs = new Map<string, ExcerptProgress & { at: number }>();
const JOB_LIFETIME_MS = 10 * 60_000;

function report(job: string | undefined, p: ExcerptProgress): Promise<void> {
  if (!job) return Promise.resolve();
  jobs.set(job, { ...p, at: Date.now() });
  for (const [k, v] of jobs) if (Date.now() - v.at > JOB_LIFETIME_MS) jobs.delete(k);
  return new Promise((resolve) => setImmediate(resolve));
}

export function excerptProgress(job: string): ExcerptProgress {
  const p = jobs.get(job);
  return p ? { stage: p.stage, done: p.done, total: p.total } : { stage: 'unknown', done: 0, total: 0 };
}

export function previewExcerpts(session: Session, req: ExcerptRequest): ExcerptPreview {
  return collectExcerpts(session, req).preview;
}

export async function renderExcerpts(m: ExcerptModel, format: ExcerptFileRequest['format'], onTheme?: (done: number) => Promise<void>): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return excerptDocx(m, onTheme);
    case 'xlsx':
      return excerptXlsx(m, onTheme);
    case 'csv':
      return Buffer.from(excerptCsv(m), 'utf8');
    case 'md':
      return Buffer.from(excerptMarkdown(m), 'utf8');
    case 'html':
      return Buffer.from(excerptHtml(m), 'utf8');
  }
}

/** "study excerpts snippet 2026-12-03.docx": safe on every file system. */
export function excerptFileName(projectPath: string, req: ExcerptFileRequest, now: Date): string {
  const stem = basename(projectPath).replace(/\.[^.]+$/, '');
  return `${stem} excerpts ${req.template ?? 'snippet'} ${now.toISOString().slice(0, 10)}.${req.format}`.replace(/[\\/:*?"<>|]/g, '_');
}

async function build(session: Session, req: ExcerptFileRequest, now: Date): Promise<{ bytes: Uint8Array; preview: ExcerptPreview }> {
  const job = req.job;
  try {
    await report(job, { stage: 'collecting', done: 0, total: 1 });
    const { model, preview } = collectExcerpts(session, req, now);
    const total = model.themes.length;
    await report(job, { stage: 'writing', done: 0, total });
    const bytes = await renderExcerpts(model, req.format, (done) => report(job, { stage: 'writing', done, total }));
    await report(job, { stage: 'done', done: total, total });
    return { bytes, preview };
  } catch (err) {
    if (job) jobs.delete(job);
    throw err;
  }
}

export async function exportExcerpts(session: Session, req: ExcerptFileRequest, now = new Date()): Promise<ExcerptFile> {
  const { bytes, preview } = await build(session, req, now);
  return { ...preview, name: excerptFileName(session.project.path, req, now), mime: EXCERPT_MIME[req.format], base64: Buffer.from(bytes).toString('base64') };
}

export async function exportExcerptsTo(session: Session, req: ExcerptFileRequest & { path: string }, now = new Date()): Promise<ExcerptWritten> {
  if (resolve(req.path) === resolve(session.project.path))
    fail('invalid_input', `${basename(req.path)} is the project file itself; choose another name for the export`);
  const { bytes, preview } = await build(session, req, now);
  writeFileAtomic(req.path, bytes);
  return { ...preview, path: req.path, bytes: bytes.length };
}
