import { afterEach, describe, expect, it } from 'vitest';
import { blindStatus, reveal, setBlind } from '../../electron/services/blind.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { exportCodings } from '../../electron/services/codings-io.js';
import { retrieve } from '../../electron/services/retrieval.js';
import { addText, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

describe('blind coding', () => {
  it('shows a coder only their own codings until they reveal the others', () => {
    p = tempProject();
    addText(p.session, 'a.txt', 'Officer: we talk every day and nobody snitches.');
    addCoder(p.session, 'Alice');
    addCoder(p.session, 'Bob');
    applyCoding(p.session, { document: 'a.txt', code: 'Dynamic security/Rapport', coder: 'Alice', start: 9, end: 30 });
    applyCoding(p.session, { document: 'a.txt', code: 'Dynamic security/Rapport', coder: 'Bob', start: 9, end: 25 });
    expect(retrieve(p.session, { code: 'Dynamic security/Rapport' })).toHaveLength(2);
    setBlind(p.session, true);
    expect(() => retrieve(p.session, { code: 'Dynamic security/Rapport' })).toThrow(/blind coding is on: say which coder you are/);
    expect(retrieve(p.session, { code: 'Dynamic security/Rapport', viewer: 'Alice' }).map((s) => s.coder)).toEqual(['Alice']);
    expect(retrieve(p.session, { code: 'Dynamic security/Rapport', viewer: 'Alice', coders: ['Bob'] })).toEqual([]);
    expect(exportCodings(p.session, 'Bob').map((c) => c.coder)).toEqual(['Bob']);
    reveal(p.session, 'Alice');
    expect(retrieve(p.session, { code: 'Dynamic security/Rapport', viewer: 'Alice' })).toHaveLength(2);
    expect(exportCodings(p.session, 'Bob')).toHaveLength(1);
    expect(blindStatus(p.session)).toEqual({ blind: true, revealed: [{ guid: expect.any(String), name: 'Alice' }] });
    const actions = (
      p.session.project.sqlite.prepare("SELECT action FROM events WHERE action IN ('project.blind','coder.reveal')").all() as { action: string }[]
    ).map((e) => e.action);
    expect(actions).toEqual(['project.blind', 'coder.reveal']);
    setBlind(p.session, false);
    expect(exportCodings(p.session)).toHaveLength(2);
  });
});
