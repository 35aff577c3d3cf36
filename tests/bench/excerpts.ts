/**
 * Themed excerpt export (issue 11): 10,000 coded passages in 200 generated interviews (one case
 * each, with role and institution), 20 themes under 4 top-level codes, exported whole — read
 * from the project file, assembled and written — to DOCX and to XLSX, as `marginalia export
 * excerpts` and the dialog run it. Medians of 5 runs each.
 */
import { join } from 'node:path';
import { runAction } from '../../db/action.js';
import { importAttributesCsvText } from '../../electron/services/cases.js';
import { codebook, createCode } from '../../electron/services/codebook.js';
import { addCoder } from '../../electron/services/codings.js';
import { assignDocumentCase, importParsed } from '../../electron/services/documents.js';
import { collectExcerpts } from '../../electron/services/excerpts/collect.js';
import { exportExcerptsTo } from '../../electron/services/excerpts/export.js';
import { placeCodings } from '../../electron/services/placement.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, type Session } from '../../electron/services/session.js';
import { detectTurns } from '../../shared/text/turns.js';
import { rng, transcript } from './generate.js';
import { median, timeWithCpu, type Row } from './stats.js';

/** Wall time and this process's CPU time of an async call (the CPU time is less swayed by other work on a shared machine). */
async function timeAsyncWithCpu(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
}

const DOCS = 200;
const CODINGS = 10_000;
const RUNS = 5;

function build(dir: string): Session {
  const session = initProject(join(dir, 'excerpts-bench.marginalia'), { empty: true, actor: 'bench' });
  importParsed(
    session,
    Array.from({ length: DOCS }, (_, d) => {
      const text = transcript(d + 1, 2500);
      return { file: `interview-${String(d + 1).padStart(3, '0')}.txt`, doc: { text, turns: detectTurns(text), cues: [], warnings: [] } };
    }),
  );
  const csv = ['case,role,institution', ...Array.from({ length: DOCS }, (_, d) => `P${d + 1},${d % 3 ? 'officer' : 'manager'},Institution ${'ABCD'[d % 4]}`)];
  importAttributesCsvText(session, `${csv.join('\n')}\n`, 'cases.csv');
  for (let d = 0; d < DOCS; d += 1) assignDocumentCase(session, `interview-${String(d + 1).padStart(3, '0')}.txt`, `P${d + 1}`);
  for (let t = 0; t < 4; t += 1) {
    createCode(session, null, `Theme ${t + 1}`, { definition: `What participants said about theme ${t + 1}.` });
    for (let s = 0; s < 4; s += 1) createCode(session, `Theme ${t + 1}`, `Sub-theme ${t + 1}.${s + 1}`, { definition: 'A sub-theme.' });
  }
  const coder = addCoder(session, 'Analyst').id;
  const codes = codebook(session).map((c) => c.id);
  const docs = (
    session.project.sqlite.prepare('SELECT id, length(text) AS n FROM documents d JOIN document_texts t ON t.document_id = d.id ORDER BY d.id').all() as {
      id: number;
      n: number;
    }[]
  ).map((r) => r);
  const r = rng(11);
  // 50 passages per interview, 280 characters apart, so none overlaps another (each stays its own quote).
  runAction(session.project, 'bench', (action) => {
    placeCodings(
      action,
      Array.from({ length: CODINGS }, (_, i) => {
        const doc = docs[i % DOCS]!;
        const k = Math.floor(i / DOCS);
        const start = 200 + k * 280;
        return { documentId: doc.id, codeId: codes[(k + i) % codes.length]!, coderId: coder, start, end: Math.min(doc.n, start + 80 + Math.floor(r() * 190)) };
      }),
    );
  });
  return session;
}

export async function excerptsBench(dir: string): Promise<Row[]> {
  const session = build(dir);
  try {
    const roots = codebook(session)
      .filter((c) => !c.path.includes('/'))
      .map((c) => c.guid);
    const req = { codes: roots, descendants: true, attributes: ['role', 'institution'] };
    const quotes = collectExcerpts(session, req).preview.quotes;
    const collect = Array.from({ length: RUNS }, () => timeWithCpu(() => collectExcerpts(session, req)));
    const docx: { wall: number; cpu: number }[] = [];
    const xlsx: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      docx.push(await timeAsyncWithCpu(() => exportExcerptsTo(session, { ...req, format: 'docx', path: join(dir, 'bench.docx') })));
      xlsx.push(await timeAsyncWithCpu(() => exportExcerptsTo(session, { ...req, format: 'xlsx', template: 'table', path: join(dir, 'bench.xlsx') })));
    }
    const wall = (xs: { wall: number }[]) => median(xs.map((x) => x.wall));
    const cpu = (xs: { cpu: number }[]) => `CPU ${median(xs.map((x) => x.cpu)).toFixed(0)} ms; `;
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const note = `${quotes.toLocaleString('en')} quotes, 20 themes, ${DOCS} documents`;
    return [
      { measure: 'read and assemble the excerpts (no file)', value: ms(wall(collect)), goal: '—', ok: true, note: `${cpu(collect)}${note}` },
      { measure: '10,000 excerpts → DOCX (snippet), written', value: ms(wall(docx)), goal: '< 3 s', ok: wall(docx) < 3000, note: `${cpu(docx)}${note}` },
      {
        measure: '10,000 excerpts → XLSX (table, All + per theme), written',
        value: ms(wall(xlsx)),
        goal: '< 3 s',
        ok: wall(xlsx) < 3000,
        note: `${cpu(xlsx)}${note}`,
      },
    ];
  } finally {
    closeSession(session);
  }
}
