/** Cross-tabulation of codes by the values of one case attribute: the pure counting. */
import { countedIn, share, type CodeNode, type CountedCoding } from './frequencies.js';

export interface CrosstabCounts {
  /** Per column: how many cases in scope have that value. */
  columnCases: number[];
  /** Per code id, per column: cases with at least one coding, their share of the column, codings. */
  cells: Map<number, { cases: number; share: number; codings: number }[]>;
}

/**
 * `columnOf(caseId)` gives the column of a case in scope (or undefined: out of scope); codings
 * whose text belongs to no case, or to a case out of scope, are not counted.
 */
export function crosstab(
  codes: readonly CodeNode[],
  codings: readonly CountedCoding[],
  casesInScope: readonly number[],
  columnOf: (caseId: number) => number,
  columns: number,
  descendants: boolean,
): CrosstabCounts {
  const columnCases = new Array<number>(columns).fill(0);
  for (const c of casesInScope) columnCases[columnOf(c)]! += 1;
  const inScope = new Set(casesInScope);
  const targetsOf = countedIn(codes, descendants);
  const caseSets = new Map<number, Set<number>[]>();
  const codingCounts = new Map<number, number[]>();
  for (const code of codes) {
    caseSets.set(
      code.id,
      Array.from({ length: columns }, () => new Set<number>()),
    );
    codingCounts.set(code.id, new Array<number>(columns).fill(0));
  }
  for (const c of codings) {
    if (c.caseId === null || !inScope.has(c.caseId)) continue;
    const col = columnOf(c.caseId);
    for (const t of targetsOf.get(c.code) ?? []) {
      caseSets.get(t)?.[col]?.add(c.caseId);
      const n = codingCounts.get(t);
      if (n) n[col]! += 1;
    }
  }
  const cells = new Map<number, { cases: number; share: number; codings: number }[]>();
  for (const code of codes) {
    const sets = caseSets.get(code.id)!;
    const n = codingCounts.get(code.id)!;
    cells.set(
      code.id,
      sets.map((s, col) => ({ cases: s.size, share: share(s.size, columnCases[col]!), codings: n[col]! })),
    );
  }
  return { columnCases, cells };
}
