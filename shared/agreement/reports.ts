/**
 * The shapes of agreement reports, disagreements and consensus results, as the API returns them.
 * They live in shared/ so the renderer (compare-coders view) can use them; the services in
 * electron/services/agreement/ build them. Every number is the double as computed: rounding is
 * left to the tables people read.
 */
import type { Level } from './table.js';
import type { Span } from '../types.js';

type Num = number | null;
type StatKey = 'percentAgreement' | 'kappa' | 'alphaBinary';

export interface CharacterDocumentRow {
  document: string;
  n: number;
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
  percentAgreement: Num;
  kappa: Num;
  alphaBinary: Num;
  reasons?: Partial<Record<StatKey, string>>;
  note?: string;
}

export interface Summary {
  percentAgreement: Num;
  kappa: Num;
  alphaBinary: Num;
  reasons?: Partial<Record<StatKey, string>>;
}

export interface PooledSummary extends Summary {
  n: number;
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

export interface AveragedSummary extends Summary {
  documents: number;
  /** Documents left out of the mean because the statistic was undefined there. */
  skipped: { percentAgreement: number; kappa: number; alphaBinary: number };
}

export interface Interval {
  lower: Num;
  upper: Num;
  /** Why the interval is undefined (lower and upper null). */
  reason?: string;
}

export interface ConfidenceIntervals {
  kappa: Interval;
  alphaBinary: Interval;
  level: number;
  resamples: number;
  seed: number;
  resampled: 'documents';
  nullReplicates: { kappa: number; alphaBinary: number };
}

export interface CharacterCodeReport {
  code: string;
  documents: CharacterDocumentRow[];
  pooled: PooledSummary;
  mean: AveragedSummary;
  weighted: AveragedSummary;
  ci?: ConfidenceIntervals;
}

type Excluded = { document: string; reason: string }[];

export interface CharacterReport {
  unit: 'character';
  coders: [string, string];
  documentsCompared: string[];
  excluded: Excluded;
  labels: Record<'pooled' | 'mean' | 'weighted', string>;
  codes: CharacterCodeReport[];
  overall: { pooled: PooledSummary; mean: AveragedSummary; weighted: AveragedSummary; ci?: ConfidenceIntervals };
}

/** Two coders' decisions over discrete units (turns, documents). */
export interface BinaryStats {
  units: number;
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
  percentAgreement: Num;
  kappa: Num;
  alpha: Num;
  reasons?: Partial<Record<'percentAgreement' | 'kappa' | 'alpha', string>>;
}

type BinaryLabels = Record<'unit' | 'percentAgreement' | 'kappa' | 'alpha' | 'pooled', string>;

export interface TurnReport {
  unit: 'turn';
  coders: [string, string];
  documentsCompared: string[];
  excluded: Excluded;
  codes: { code: string; documents: ({ document: string } & BinaryStats)[]; pooled: BinaryStats }[];
  overall: { pooled: BinaryStats };
  labels: BinaryLabels;
}

export interface PresenceReport {
  unit: 'document';
  coders: [string, string];
  documentsCompared: string[];
  excluded: Excluded;
  codes: ({ code: string; usedByA: string[]; usedByB: string[] } & BinaryStats)[];
  overall: { pooled: BinaryStats };
  labels: BinaryLabels;
}

export interface SegmentCounts {
  segmentsA: number;
  segmentsB: number;
  matchedA: number;
  matchedB: number;
  matched: number;
  unmatched: number;
  percentAgreement: Num;
  kappaBP: Num;
  reasons?: Partial<Record<'percentAgreement' | 'kappaBP', string>>;
}

export interface SegmentReport {
  unit: 'segment';
  coders: [string, string];
  overlapPercent: number;
  categories: number;
  documentsCompared: string[];
  excluded: Excluded;
  codes: { code: string; documents: ({ document: string } & SegmentCounts)[]; pooled: SegmentCounts }[];
  overall: { pooled: SegmentCounts };
  labels: Record<'unit' | 'matched' | 'percentAgreement' | 'kappaBP' | 'pooled', string>;
}

export interface UnitizedValue {
  value: Num;
  reason?: string;
}

export interface UnitizedReport {
  unit: 'unitized';
  coders: [string, string];
  codes: string[];
  documentsCompared: string[];
  excluded: Excluded;
  alphaU: UnitizedValue;
  alphaBinaryU: UnitizedValue;
  alphaCU: UnitizedValue;
  perCategory: { code: string; alphaCu: UnitizedValue }[];
  /** The same three coefficients, under the key every report has. */
  overall: { alphaU: UnitizedValue; alphaBinaryU: UnitizedValue; alphaCU: UnitizedValue };
  labels: Record<'alphaU' | 'alphaBinaryU' | 'alphaCU' | 'alphaCu', string>;
}

export type AgreementReport = CharacterReport | TurnReport | SegmentReport | PresenceReport | UnitizedReport;
export const AGREEMENT_UNITS = ['character', 'turn', 'segment', 'document', 'unitized'] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

export const TABLE_STATISTICS = ['percent', 'percent-all', 'kappa', 'pi', 'fleiss', 'bp', 'ac1', 'alpha'] as const;
export type TableStatistic = (typeof TABLE_STATISTICS)[number];

export interface TableStatResult {
  statistic: TableStatistic;
  level: Level;
  value: Num;
  reason?: string;
  units: number;
  coders: string[];
  ci?: { lower: Num; upper: Num; level: number; resamples: number; seed: number; resampled: 'units'; nullReplicates: number };
}

export type DisagreementKind = 'onlyA' | 'onlyB';

export interface Disagreement {
  /** Stable as long as the stretch is: a hash of document, code, both coders, kind and span. */
  id: string;
  document: string;
  documentGuid: string;
  code: string;
  codeGuid: string;
  /** onlyA: coder A coded these characters with this code and B did not; onlyB the other way. */
  kind: DisagreementKind;
  /** The stretch touches text both coded with this code: both marked the passage, with different edges. */
  boundary: boolean;
  /** Who coded the stretch (the other coder did not). */
  coder: string;
  start: number;
  end: number;
  text: string;
  /** About 120 characters either side, cut at whitespace, on one line; "…" where cut. */
  before: string;
  after: string;
  lineStart: number;
  lineEnd: number;
  /** The speaker of the turn the stretch starts in, if the document has turns there. */
  speaker: string | null;
  /** GUIDs of that coder's codings the stretch comes from (each overlaps it). */
  codings: string[];
}

export const DECISIONS = ['accept-a', 'accept-b', 'keep-both', 'drop', 'custom'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface StaleDecision {
  itemId: string;
  decision: Decision;
  document: string | null;
  code: string | null;
  kind: DisagreementKind;
  start: number;
  end: number;
}

/** A stored decision as the review screen shows it (current and stale alike). */
export interface DecisionView {
  itemId: string;
  documentGuid: string;
  codeGuid: string;
  kind: DisagreementKind;
  /** The stretch as it was when decided. */
  start: number;
  end: number;
  decision: Decision;
  custom: Span | null;
  reason: string;
  decidedBy: string;
  updatedAt: string;
  /** The stretch is no longer a disagreement as stored: a coder changed their codings since. */
  stale: boolean;
}

export interface ConsensusStatus {
  coder: string;
  /** The consensus coder's GUID. */
  coderGuid: string;
  coders: [string, string];
  /** Disagreements in scope, decided and open. */
  items: number;
  decided: number;
  open: Disagreement[];
  /** Decisions whose stretch is no longer a disagreement (a coder changed their codings since). */
  stale: StaleDecision[];
  /** Every decision in scope, by document name and then stretch (the disagreements' order). */
  decisions: DecisionView[];
  /** When the consensus was last declared finished (ISO time), or null while it is in progress. */
  finishedAt: string | null;
}

export interface StartResult extends ConsensusStatus {
  /** Whether this call created the consensus coder (false: it existed and was brought up to date). */
  created: boolean;
  /** Document × code cells whose consensus codings were rewritten. */
  cellsRewritten: number;
}

export interface DecideResult extends ConsensusStatus {
  item: Disagreement;
  decision: Decision;
  custom: Span | null;
  reason: string;
  /** The decision this one replaced, if the item had been decided before. */
  previous: Decision | null;
  /** The consensus coder's spans of this code in this document after the decision. */
  consensus: Span[];
}
