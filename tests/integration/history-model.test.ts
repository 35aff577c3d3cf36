/**
 * The undo and redo lists read back from the log agree with the plain two-stack model (a change
 * pushes onto undo and empties redo; undo and redo move the top across), for random runs of
 * changes, undos, redos and reopenings of the file, with and without a limit on how far back
 * undo reaches (only the last N changes count).
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createCode } from '../../electron/services/codebook.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, openSession, type Session } from '../../electron/services/session.js';
import { historyState, redo, undo } from '../../electron/services/undo/history.js';
import { tempDir } from './helpers.js';

type Op = 'change' | 'undo' | 'redo' | 'reopen';

afterEach(() => {
  delete process.env.MARGINALIA_UNDO_LIMIT;
});

function run(ops: Op[], limit: number | null): void {
  const { dir, done } = tempDir();
  if (limit === null) delete process.env.MARGINALIA_UNDO_LIMIT;
  else process.env.MARGINALIA_UNDO_LIMIT = String(limit);
  const path = join(dir, 'model.marginalia');
  let s: Session = initProject(path, { empty: true, actor: 'ann' });
  // The model: stacks of change numbers; a change is reachable while it is among the last `limit` changes.
  const undoStack: number[] = [];
  let redoStack: number[] = [];
  let changes = 0;
  const reachable = (n: number) => limit === null || n > changes - limit;
  const label = (n: number | undefined) => (n === undefined ? null : `create code "C${n}"`);
  try {
    for (const op of ops) {
      if (op === 'change') {
        changes += 1;
        createCode(s, null, `C${changes}`);
        undoStack.push(changes);
        redoStack = [];
      } else if (op === 'undo') {
        const top = undoStack.at(-1);
        const expected = top !== undefined && reachable(top) ? top : undefined;
        expect(undo(s).label).toBe(label(expected));
        if (expected !== undefined) redoStack.push(undoStack.pop()!);
      } else if (op === 'redo') {
        const top = redoStack.at(-1);
        expect(redo(s).label).toBe(label(top));
        if (top !== undefined) undoStack.push(redoStack.pop()!);
      } else {
        closeSession(s);
        s = openSession(path, 'ann');
      }
      const u = undoStack.at(-1);
      const shown = u !== undefined && reachable(u) ? u : undefined;
      expect(historyState(s)).toEqual({
        canUndo: shown !== undefined,
        canRedo: redoStack.length > 0,
        undoLabel: label(shown),
        redoLabel: label(redoStack.at(-1)),
      });
    }
  } finally {
    closeSession(s);
    done();
  }
}

const ops = fc.array(fc.constantFrom<Op>('change', 'change', 'undo', 'undo', 'redo', 'reopen'), { minLength: 1, maxLength: 24 });

describe('the undo lists read from the log', () => {
  it('match the two-stack model across reopenings', () => {
    fc.assert(
      fc.property(ops, (o) => run(o, null)),
      { numRuns: 25, seed: 13 },
    );
  });

  it('match it with a limit of 3 changes', () => {
    fc.assert(
      fc.property(ops, (o) => run(o, 3)),
      { numRuns: 25, seed: 31 },
    );
  });
});
