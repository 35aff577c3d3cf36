/** Analysis: frequencies and prevalence, co-occurrence, cross-tabs by case attribute (issue 11). Spread into the contract (shared/api/contract.ts). */
import { z } from 'zod';
import { COOCCURRENCE_MODES } from '../../analysis/types.js';
import type { AnalysisOptions, CooccurrenceReport, CrosstabReport, FrequencyReport, PassageList } from '../../analysis/types.js';
import { flag, guid, limit, name, need, none, result, once } from '../schema-parts.js';

/** Whose codings, which codes and documents: all GUIDs; `consensus` is a consensus coder's GUID or true for the only one. */
const scope = once(() => ({
  coders: z.array(guid()).max(1000, 'too many coders').optional(),
  consensus: z.union([guid(), flag()], { error: 'must be a consensus coder GUID or true' }).optional(),
  codes: z.array(guid()).max(10_000, 'too many codes').optional(),
  documents: z.array(guid()).max(100_000, 'too many documents').optional(),
  /** Count sub-codes' codings under each code (default true; co-occurrence always counts own codings). */
  subcodes: flag().optional(),
  /** Plural label of the unit people read, e.g. "interviewees". */
  unitLabel: name().optional(),
  /** Who is looking (coder GUID), needed while blind coding is on. */
  viewer: guid().optional(),
}));
const mode = once(() => z.enum(COOCCURRENCE_MODES, { error: `must be one of ${COOCCURRENCE_MODES.join(', ')}` }));
const distance = once(() => z.number(need('a number')).int('must be a whole number').min(0, 'must be 0 or more').max(1_000_000, 'must be 1000000 or less'));
const cell = once(() =>
  z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('code'), code: guid() }),
      z.strictObject({
        kind: z.literal('pair'),
        codes: z.tuple([guid(), guid()], { error: 'must be two code GUIDs' }),
        mode: mode().optional(),
        distance: distance().optional(),
      }),
      z.strictObject({ kind: z.literal('attribute'), code: guid(), attribute: guid(), value: z.string(need('text or null')).max(10_000).nullable() }),
    ],
    { error: 'must be a cell: kind code, pair or attribute' },
  ),
);

export const analysisMethods = {
  /** Coders (consensus ones marked) and case attributes to choose from. */
  'analysis.options': { args: () => none(), result: result<AnalysisOptions>() },
  /** Per code: codings, characters, documents, cases and prevalence over cases (or documents where there are no cases). */
  'analysis.frequencies': { args: () => z.strictObject(scope()), result: result<FrequencyReport>() },
  /** Code × code: co-occurring coding pairs (overlap, same speaker turn, or within `distance` characters) and the Jaccard share. */
  'analysis.cooccurrence': {
    args: () => z.strictObject({ ...scope(), mode: mode().optional(), distance: distance().optional() }),
    result: result<CooccurrenceReport>(),
  },
  /** Codes × the values of one case attribute: cases with a coding, their share of the cases with that value, codings. */
  'analysis.crosstab': { args: () => z.strictObject({ ...scope(), attribute: guid() }), result: result<CrosstabReport>() },
  /** The passages behind one bar or cell, in document order (the first `limit`, default 200). */
  'analysis.passages': { args: () => z.strictObject({ ...scope(), cell: cell(), limit: limit().optional() }), result: result<PassageList>() },
} as const;
