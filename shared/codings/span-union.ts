/**
 * The span-union rule, as pure logic: codings of one code by one coder in one document that overlap
 * or touch ([0,5) and [5,9)) become one. Given the existing and the new spans of such a group,
 * returns the connected components in document order.
 */
export interface Placed<T> {
  start: number;
  end: number;
  item: T;
}

export interface Component<T> {
  start: number;
  end: number;
  items: Placed<T>[];
}

export function touchingComponents<T>(spans: Placed<T>[]): Component<T>[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Component<T>[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      last.items.push(s);
    } else out.push({ start: s.start, end: s.end, items: [s] });
  }
  return out;
}
