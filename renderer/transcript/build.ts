/** Building (and repainting) the read-only Lexical view of a transcript from its line models. */
import { $getRoot, type ElementNode } from 'lexical';
import { $createLineNode } from './line-node.js';
import type { LineModel } from './model.js';
import { $createSegmentNode } from './segment-node.js';

function $fill(p: ElementNode, text: string, line: LineModel): void {
  for (const piece of line.pieces) {
    const node = $createSegmentNode(text.slice(piece.start, piece.end), piece.start, piece.codings, piece.speaker);
    if (piece.style) node.setStyle(piece.style);
    p.append(node);
  }
}

/**
 * Must run inside editor.update(). With the previous models of the same text, only lines whose
 * signature changed are rebuilt; otherwise the whole view is replaced.
 */
export function $renderTranscript(text: string, lines: readonly LineModel[], previous: readonly LineModel[] | null): void {
  const root = $getRoot();
  const children = root.getChildren();
  if (previous && previous.length === lines.length && children.length === lines.length) {
    lines.forEach((line, i) => {
      if (line.signature === previous[i]!.signature) return;
      const p = children[i] as ElementNode;
      p.clear();
      $fill(p, text, line);
    });
    return;
  }
  root.clear();
  for (const line of lines) {
    const p = $createLineNode(line.start);
    $fill(p, text, line);
    root.append(p);
  }
}
