/** Building the read-only Lexical view of a transcript from the stored text and its codings. */
import { $createParagraphNode, $getRoot } from 'lexical';
import { paragraphs, segmentText } from '../../shared/text/segments.js';
import type { CodingView } from '../../shared/api/contract.js';
import { $createSegmentNode } from './segment-node.js';

/** Background for a piece covered by these codings: one colour, or horizontal bands for overlaps. */
export function highlightStyle(colors: string[]): string {
  if (colors.length === 0) return '';
  if (colors.length === 1) return `background-color: ${colors[0]}66`;
  const step = 100 / colors.length;
  const bands = colors.map((c, i) => `${c}88 ${i * step}%, ${c}88 ${(i + 1) * step}%`).join(', ');
  return `background-image: linear-gradient(to bottom, ${bands})`;
}

/** Must run inside editor.update(): replaces the whole view. One paragraph per stored line. */
export function $buildTranscript(text: string, codings: readonly CodingView[]): void {
  const root = $getRoot();
  root.clear();
  const colorOf = new Map(codings.map((c) => [c.guid, c.color]));
  const segs = segmentText(text, codings.map((c) => ({ id: c.guid, start: c.start, end: c.end })));
  for (const para of paragraphs(text, segs)) {
    const p = $createParagraphNode();
    for (const s of para.segments) {
      const node = $createSegmentNode(text.slice(s.start, s.end), s.start, s.ids);
      const style = highlightStyle(s.ids.map((id) => colorOf.get(id) ?? '#999999'));
      if (style) node.setStyle(style);
      p.append(node);
    }
    root.append(p);
  }
}
