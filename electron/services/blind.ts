/**
 * Blind coding: while the project setting is on, a coder sees only their own codings (in every
 * reading path that takes a viewer) until they choose to reveal the others. Reveals are recorded
 * per coder, with the time, in the project and the event log.
 */
import { runAction } from '../../db/action.js';
import { listCoders } from '../../db/queries/coders.js';
import { getMeta, setMeta } from '../../db/queries/meta.js';
import { fail } from '../../shared/errors.js';
import { requireCoder } from './lookup.js';
import type { Session } from './session.js';

export function isBlind(session: Session): boolean {
  return getMeta(session.project.db, 'blind_coding') === 'true';
}

export function setBlind(session: Session, on: boolean): void {
  runAction(session.project, session.actor, (action) => {
    const before = getMeta(action.db, 'blind_coding') === 'true';
    if (before === on) return;
    setMeta(action.db, 'blind_coding', on ? 'true' : 'false');
    action.log({ action: 'project.blind', entity: 'project', before: { blind: before }, after: { blind: on } });
  });
}

export function hasRevealed(session: Session, coderName: string): boolean {
  const coder = requireCoder(session.project.db, coderName);
  return getMeta(session.project.db, `revealed:${coder.guid}`) !== undefined;
}

/** The coder chooses to see the others' codings; this cannot be taken back (they have seen them). */
export function reveal(session: Session, coderName: string): void {
  runAction(session.project, session.actor, (action) => {
    const coder = requireCoder(action.db, coderName);
    if (getMeta(action.db, `revealed:${coder.guid}`)) return;
    setMeta(action.db, `revealed:${coder.guid}`, action.at);
    action.log({ action: 'coder.reveal', entity: 'coder', entityGuid: coder.guid, after: { revealedAt: action.at } });
  });
}

/**
 * The coder ids a viewer may see: everyone when blind coding is off or the viewer has revealed;
 * only themselves otherwise. Blind and no viewer named is an error, never a silent "show all".
 */
export function visibleCoderIds(session: Session, viewer: string | undefined): number[] | undefined {
  if (!isBlind(session)) return undefined;
  if (!viewer?.trim()) fail('invalid_input', 'blind coding is on: say which coder you are (--viewer NAME)');
  const coder = requireCoder(session.project.db, viewer);
  if (getMeta(session.project.db, `revealed:${coder.guid}`)) return undefined;
  return [coder.id];
}

export function blindStatus(session: Session): { blind: boolean; revealed: { guid: string; name: string }[] } {
  const coders = listCoders(session.project.db);
  const revealed = coders.filter((c) => getMeta(session.project.db, `revealed:${c.guid}`));
  return { blind: isBlind(session), revealed: revealed.map((c) => ({ guid: c.guid, name: c.name })) };
}
