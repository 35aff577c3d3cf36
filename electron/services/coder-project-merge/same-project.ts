/**
 * Refusing to merge a project into itself. A team hands each coder a copy of the project, so a
 * shared project GUID alone is fine: the copy holds that coder's work. It is "the same project"
 * when it has the same GUID and every change in its log is already in this one (the open file
 * itself, a backup, or a copy nobody has worked in since): merging it would add nothing.
 */
import { getMeta } from '../../../db/queries/meta.js';
import type { Project } from '../../../db/open.js';
import { MarginaliaError } from '../../../shared/errors.js';

export function refuseSameProject(here: Project, other: Project, otherName: string): void {
  const guid = getMeta(here.db, 'guid');
  if (!guid || getMeta(other.db, 'guid') !== guid) return;
  const theirs = other.sqlite.prepare('SELECT DISTINCT batch FROM events').pluck().all() as string[];
  const ours = new Set(here.sqlite.prepare('SELECT DISTINCT batch FROM events').pluck().all() as string[]);
  if (theirs.every((b) => ours.has(b))) {
    throw new MarginaliaError(
      'invalid_input',
      `${otherName}: this is the same project as the one open (same project GUID, and every change in it is already here); merge the second coder's own copy`,
    );
  }
}
