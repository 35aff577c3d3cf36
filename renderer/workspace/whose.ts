/**
 * Whose codings a count covers, said the same way everywhere on screen (code book, code details,
 * retrieval), so a number is never read as everyone's when it is one coder's.
 */
import type { Named } from '../../shared/api/types.js';
import type { Show } from './CoderBar.js';

/** The one coder (GUID) a Show stands for; '' for all coders. */
export function shownCoder(show: Show, me: string): string {
  if (show.kind === 'all') return '';
  return show.kind === 'coder' ? show.guid : me;
}

/** "your codings", "Bob's codings" or "all coders' codings" for a coder GUID ('' = every coder). */
export function whoseCodings(coder: string, me: string, coders: readonly Named[]): string {
  if (!coder) return "all coders' codings";
  if (coder === me) return 'your codings';
  const name = coders.find((c) => c.guid === coder)?.name;
  return name ? `${name}'s codings` : "another coder's codings";
}

/** The same for a Show (Mine is "your codings" even before a coder is chosen). */
export const whoseShown = (show: Show, me: string, coders: readonly Named[]) =>
  show.kind === 'mine' ? 'your codings' : whoseCodings(shownCoder(show, me), me, coders);
