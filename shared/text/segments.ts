/**
 * The text is the truth; the view is cut from it. Every coding boundary cuts the text, so
 * overlapping codings come out flat — [A] [A,B] [B] — and each piece knows which codings cover
 * it. Pieces never cross a line break, so each paragraph of the view is built from its own pieces.
 */
export interface Segment {
  start: number;
  end: number;
  /** Ids of the codings covering this piece, in the order given. */
  ids: string[];
}

export interface Paragraph {
  start: number;
  end: number;
  segments: Segment[];
}

/** Flat segments tiling [0, text.length), cut at every coding boundary and every "\n". */
export function segmentText(text: string, codings: readonly { id: string; start: number; end: number }[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const c of codings) {
    cuts.add(Math.max(0, Math.min(text.length, c.start)));
    cuts.add(Math.max(0, Math.min(text.length, c.end)));
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    cuts.add(i);
    cuts.add(i + 1);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...codings].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  const active: { id: string; end: number; order: number }[] = [];
  const order = new Map(codings.map((c, i) => [c, i]));
  let next = 0;
  for (let k = 0; k + 1 < points.length; k += 1) {
    const start = points[k]!;
    const end = points[k + 1]!;
    while (next < byStart.length && byStart[next]!.start <= start) {
      const c = byStart[next]!;
      active.push({ id: c.id, end: c.end, order: order.get(c)! });
      next += 1;
    }
    for (let i = active.length - 1; i >= 0; i -= 1) if (active[i]!.end <= start) active.splice(i, 1);
    out.push({ start, end, ids: [...active].sort((a, b) => a.order - b.order).map((a) => a.id) });
  }
  return out;
}

/** Groups segments into paragraphs (lines of the stored text); the "\n" pieces are dropped. */
export function paragraphs(text: string, segments: readonly Segment[]): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph = { start: 0, end: 0, segments: [] };
  for (const s of segments) {
    if (text.slice(s.start, s.end) === '\n') {
      out.push(current);
      current = { start: s.end, end: s.end, segments: [] };
      continue;
    }
    current.segments.push(s);
    current.end = s.end;
  }
  out.push(current);
  return out;
}
