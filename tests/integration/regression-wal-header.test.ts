/** Regression: a project just created (header change still in the WAL) must open from a second connection. */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { closeProject, createProject, openProject } from '../../db/open.js';
import { tempDir } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

it('opens a freshly created project from a second connection while the first is still open', () => {
  const { dir, done } = tempDir();
  cleanups.push(done);
  const path = join(dir, 'fresh.marginalia');
  const first = createProject(path);
  cleanups.push(() => closeProject(first));
  first.sqlite.prepare("INSERT INTO project_meta (key, value) VALUES ('name', 'x')").run();
  const second = openProject(path);
  cleanups.push(() => closeProject(second));
  expect(second.sqlite.prepare("SELECT value FROM project_meta WHERE key = 'name'").pluck().get()).toBe('x');
});
