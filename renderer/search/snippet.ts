/**
 * A search snippet arrives as plain text with the match in [brackets]. Transcripts can hold
 * brackets of their own (`[Interviewer] …` labels), so the match is the innermost bracket pair
 * whose content has the match's length; failing that, the first innermost pair.
 */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

export function snippetParts(snippet: string, matchLength?: number): SnippetPart[] {
  const pairs: { at: number; inner: string }[] = [];
  const re = /\[([^[\]]*)\]/g;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) pairs.push({ at: m.index, inner: m[1]! });
  const pick = pairs.find((p) => p.inner.length === matchLength && p.inner.length > 0) ?? pairs.find((p) => p.inner.length > 0);
  if (!pick) return [{ text: snippet, mark: false }];
  const before = snippet.slice(0, pick.at);
  const after = snippet.slice(pick.at + pick.inner.length + 2);
  return [...(before ? [{ text: before, mark: false }] : []), { text: pick.inner, mark: true }, ...(after ? [{ text: after, mark: false }] : [])];
}
