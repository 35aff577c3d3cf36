/**
 * Building (and repainting) the read-only Lexical view of a transcript from its line models.
 * A long interview is built in steps: the lines needed now at once, the rest in later tasks
 * behind a placeholder line that reserves their height, so the first screen paints quickly.
 */
import { $getRoot, type ElementNode } from 'lexical';
import { $createLineNode, $isLineNode } from './line-node.js';
import type { LineModel } from './model.js';
import { $createSegmentNode } from './segment-node.js';

function $fill(p: ElementNode, text: string, line: LineModel): void {
  for (const piece of line.pieces) {
    const node = $createSegmentNode(text.slice(piece.start, piece.end), piece.start, piece.codings, piece.speaker);
    if (piece.style) node.setStyle(piece.style);
    p.append(node);
  }
}

function $line(text: string, line: LineModel): ElementNode {
  const p = $createLineNode(line.start, line.end - line.start);
  $fill(p, text, line);
  return p;
}

/** Appends lines [from, to) in place of the placeholder, and a new placeholder if lines remain. */
export function $extendLines(text: string, lines: readonly LineModel[], from: number, to: number): void {
  const root = $getRoot();
  const last = root.getLastChild();
  if ($isLineNode(last) && last.__pending) last.remove();
  for (let i = from; i < to; i += 1) root.append($line(text, lines[i]!));
  const rest = lines[to];
  if (rest) root.append($createLineNode(rest.start, text.length - rest.start, true));
}

/** Must run inside editor.update(): a fresh view holding the first `count` lines. */
export function $buildLines(text: string, lines: readonly LineModel[], count: number): void {
  $getRoot().clear();
  $extendLines(text, lines, 0, Math.min(count, lines.length));
}

/**
 * Must run inside editor.update(): rebuilds the first `count` lines whose signature changed
 * since `previous`. False when the view does not hold those lines (the caller rebuilds).
 */
export function $repaintLines(text: string, lines: readonly LineModel[], previous: readonly LineModel[], count: number): boolean {
  const children = $getRoot().getChildren();
  if (previous.length !== lines.length || children.length < count) return false;
  for (let i = 0; i < count; i += 1) {
    if (lines[i]!.signature === previous[i]!.signature) continue;
    const p = children[i] as ElementNode;
    p.clear();
    $fill(p, text, lines[i]!);
  }
  return true;
}
