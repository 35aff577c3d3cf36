/**
 * Short marks for coders, as a margin or a compact list shows them: initials ("Alice Smith" → "AS",
 * "Bob" → "B"), made longer where two coders would otherwise share one.
 */
export function coderInitials(names: readonly string[]): Map<string, string> {
  const words = (n: string) =>
    n
      .trim()
      .split(/[\s._-]+/)
      .filter(Boolean);
  const mark = (n: string, extra: number) => {
    const w = words(n);
    if (w.length === 0) return '?';
    if (w.length === 1) return w[0]!.slice(0, 1 + extra).replace(/^./, (c) => c.toUpperCase());
    return (w[0]!.slice(0, 1 + extra) + w[w.length - 1]!.slice(0, 1)).replace(/^./, (c) => c.toUpperCase());
  };
  const unique = [...new Set(names)];
  const out = new Map<string, string>();
  for (const n of unique) {
    let extra = 0;
    const clash = () => unique.some((o) => o !== n && mark(o, extra) === mark(n, extra));
    while (extra < 3 && clash()) extra += 1;
    out.set(n, mark(n, extra));
  }
  return out;
}
