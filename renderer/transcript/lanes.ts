/**
 * Stripe lanes in the margin: each coding gets the leftmost lane whose previous stripe ended
 * above it (with a small gap), so stripes never overlap and nested codings sit side by side.
 */
export interface Placed<T> {
  item: T;
  top: number;
  bottom: number;
  lane: number;
}

export function assignLanes<T>(items: readonly { item: T; top: number; bottom: number }[], gap = 3): { placed: Placed<T>[]; lanes: number } {
  const sorted = [...items].sort((a, b) => a.top - b.top || b.bottom - a.bottom);
  const laneEnds: number[] = [];
  const placed = sorted.map((x) => {
    let lane = laneEnds.findIndex((end) => end + gap <= x.top);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(x.bottom);
    } else laneEnds[lane] = x.bottom;
    return { ...x, lane };
  });
  return { placed, lanes: laneEnds.length };
}
