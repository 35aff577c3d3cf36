/**
 * Who is coding on this computer, remembered in localStorage by the coder's GUID. Older versions
 * stored the coder's name: such a value is matched to the coder of that name once, and replaced
 * by the GUID (see App). A remembered coder who is not in this project means "not chosen yet".
 */
import type { CoderRecord } from '../../shared/types.js';

export const CODER_KEY = 'marginalia.activeCoder';

export function activeCoder<C extends Pick<CoderRecord, 'guid' | 'name'>>(coders: readonly C[], stored: string): C | null {
  if (!stored) return null;
  const byName = stored.trim().toLowerCase();
  return coders.find((c) => c.guid === stored) ?? coders.find((c) => c.name.toLowerCase() === byName) ?? null;
}
