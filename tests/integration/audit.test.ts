/**
 * The audit trail: who changed what and when, filtered by person and by document, paged, and
 * exported as RFC 4180 CSV (UTF-8 with BOM) that a CSV reader gives back field for field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCode } from '../../electron/services/codebook.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { setMemo } from '../../electron/services/memos.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, openSession, type Session } from '../../electron/services/session.js';
import { audit, auditExport } from '../../electron/services/undo/audit.js';
import { undo } from '../../electron/services/undo/history.js';
import { parseCsv } from '../../shared/csv.js';
import { cleanup, expectFailure, cli, freshDir, ok } from './cli-harness.js';
import { addText } from './helpers.js';

afterAll(cleanup);
const open: Session[] = [];
afterEach(() => open.splice(0).forEach(closeSession));

const A = 'Interviewer: Why?\n\nOfficer: Because "rules", you see, matter.';
const B = 'Resident: Nobody talks.';
const DOC_A = 'a, "quoted" name.txt';

/** Ann imports and codes; Bob codes the other document and writes a memo on the first; Ann undoes. */
function project(): { path: string; guid: (name: string) => string } {
  const path = join(freshDir(), 'study.marginalia');
  const ann = initProject(path, { empty: true, actor: 'Ann' });
  open.push(ann);
  addText(ann, DOC_A, A);
  addText(ann, 'b.txt', B);
  createCode(ann, null, 'Rules');
  addCoder(ann, 'Ann');
  addCoder(ann, 'Bob');
  applyCoding(ann, { document: DOC_A, code: 'Rules', coder: 'Ann', start: A.indexOf('Because'), end: A.indexOf(' matter') });
  const bob = openSession(path, '=Bob');
  open.push(bob);
  applyCoding(bob, { document: 'b.txt', code: 'Rules', coder: 'Bob', start: 0, end: 8 });
  setMemo(bob, { kind: 'document', name: DOC_A }, 'Line one\nline two, with "quotes"');
  createCode(ann, null, 'Later');
  undo(ann);
  const guid = (name: string) => (ann.project.sqlite.prepare('SELECT guid FROM documents WHERE name = ?').get(name) as { guid: string }).guid;
  return { path, guid };
}

describe('the audit trail', () => {
  it('lists who changed what and when, newest first, filtered by person and by document', () => {
    const { guid } = project();
    const s = open[0]!;
    const all = audit(s, {});
    expect(all.total).toBe(all.entries.length);
    expect(all.actors).toEqual(['=Bob', 'Ann']);
    expect(all.entries.map((e) => e.id)).toEqual([...all.entries.map((e) => e.id)].sort((a, b) => b - a));
    expect(all.entries[0]).toMatchObject({ actor: 'Ann', action: 'code.delete', summary: 'deleted code "Later"' });
    expect(all.entries[1]).toMatchObject({ actor: 'Ann', action: 'history.undo', summary: 'undid create code "Later"' });

    const bob = audit(s, { actor: '=bob' });
    expect(bob.entries.map((e) => [e.action, e.document])).toEqual([
      ['memo.create', DOC_A],
      ['coding.apply', 'b.txt'],
    ]);
    expect(bob.entries[1]!.summary).toBe('coded "Rules" [0–8] for Bob');

    const docA = audit(s, { document: guid(DOC_A) });
    expect(docA.entries.map((e) => [e.actor, e.action])).toEqual([
      ['=Bob', 'memo.create'],
      ['Ann', 'coding.apply'],
      ['Ann', 'document.import'],
    ]);
    const both = audit(s, { actor: 'Ann', document: guid(DOC_A) });
    expect(both.entries.map((e) => e.action)).toEqual(['coding.apply', 'document.import']);
    expect(audit(s, { actor: 'nobody' })).toMatchObject({ entries: [], total: 0, nextBefore: null });
  });

  it('pages with nextBefore until every event has been read once', () => {
    project();
    const s = open[0]!;
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = audit(s, { limit: 3, ...(before !== undefined && { before }) });
      seen.push(...page.entries.map((e) => e.id));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    const ids = (s.project.sqlite.prepare('SELECT id FROM events ORDER BY id DESC').all() as { id: number }[]).map((r) => r.id);
    expect(seen).toEqual(ids);
  });

  it('exports RFC 4180 CSV with a BOM that reads back field for field', () => {
    const { guid } = project();
    const s = open[0]!;
    const file = auditExport(s, { document: guid(DOC_A) });
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    // Every record ends in CRLF; the memo's line break inside a quoted field stays LF.
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['Time (UTC)', 'Who', 'Action', 'Item', 'Document', 'What happened', 'Batch', 'Event']);
    const view = audit(s, { document: guid(DOC_A) });
    expect(file.rows).toBe(view.total);
    expect(rows.slice(1)).toEqual(
      view.entries.map((e) => [e.at, e.actor.startsWith('=') ? `'${e.actor}` : e.actor, e.action, e.item, e.document ?? '', e.summary, e.batch, String(e.id)]),
    );
    // The document name with a comma and quotes survives quoting.
    expect(rows.find((r) => r[2] === 'document.import')![4]).toBe(DOC_A);
    expect(file.name).toMatch(/^study audit \d{4}-\d\d-\d\d\.csv$/);
  });

  it('the CLI: a table, --coder and --document filters, --csv --out FILE, and bad input in one line', () => {
    const { path } = project();
    open.splice(0).forEach(closeSession);
    const table = ok(['audit', path, '--coder', 'ann', '--limit', '2']);
    expect(table).toMatch(/^TIME\s+WHO\s+DOCUMENT\s+WHAT/);
    expect(table).toMatch(/deleted code "Later"/);
    expect(table.trim().split('\n').at(-1)).toMatch(/^\(2 of \d+ changes\)$/);
    const out = join(freshDir(), 'audit.csv');
    expect(ok(['audit', path, '--document', 'b.txt', '--csv', '--out', out])).toMatch(/^Wrote 2 changes to audit\.csv/);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ["'=Bob", 'coding.apply'],
      ['Ann', 'document.import'],
    ]);
    const json = JSON.parse(ok(['audit', path, '--coder', '=Bob', '--json'])) as { data: { entries: { actor: string }[] } };
    expect(json.data.entries.map((e) => e.actor)).toEqual(['=Bob', '=Bob']);
    expectFailure(cli(['audit', path, '--document', 'missing.txt']), /missing\.txt/);
    expectFailure(cli(['audit', path, '--out', out]), /--out goes with --csv/, 2);
  });
});
