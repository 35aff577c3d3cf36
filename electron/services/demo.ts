/**
 * The demo project: the synthetic fixture corpus imported, with cases, attributes and two
 * coders' codings, so a first start shows a real coded study. Also used to build the committed
 * sample project that migration tests open.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assignSpeakerCase, importAttributesCsv } from './cases.js';
import { importCodingsCsv } from './codings-io.js';
import { assignDocumentCase, documentContent, importFiles } from './documents.js';
import { setMemo } from './memos.js';
import { initProject } from './project.js';
import type { Session } from './session.js';

/** Interviewer labels, so the other speaker in each transcript is the participant. */
const INTERVIEWER = /^(interviewer|i|\[interviewer\])$/i;

export async function buildDemoProject(path: string, fixturesDir: string, actor = 'demo'): Promise<Session> {
  const transcripts = join(fixturesDir, 'transcripts');
  const files = readdirSync(transcripts)
    // Test-only variants of a transcript (hard-wrapped, PDF-like, expected outputs) would be duplicates.
    .filter((f) => /\.(txt|md)$/.test(f) && !f.includes('.expected.') && !f.includes('pdf-like') && !f.includes('hard-wrapped'))
    .sort()
    .map((f) => join(transcripts, f));
  const session = initProject(path, { name: 'Dynamic security demo', actor });
  try {
    await importFiles(session, files);
    importAttributesCsv(session, join(fixturesDir, 'cases.csv'));
    for (const f of files) {
      const name = f.split(/[\\/]/).pop()!;
      const m = /^(co|ip)-(\d\d)/i.exec(name);
      if (!m) continue;
      const caseName = `${m[1]!.toUpperCase()}-${m[2]}`;
      assignDocumentCase(session, name, caseName);
      const speakers = new Set(documentContent(session, name).turns.map((t) => t.speaker));
      for (const s of speakers) if (!INTERVIEWER.test(s)) assignSpeakerCase(session, name, s, caseName);
    }
    const codings = join(fixturesDir, 'codings-two-coders.csv');
    if (existsSync(codings)) importCodingsCsv(session, codings);
    setMemo(session, { kind: 'project' }, 'Demo project built from synthetic interviews. Nothing here is real data.');
    return session;
  } catch (err) {
    session.project.sqlite.close();
    throw err;
  }
}
